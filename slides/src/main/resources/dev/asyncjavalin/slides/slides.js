// One deck in one page: keys move between slides, the address shows the slide (#3), and the
// 1280x720 frame is scaled to fit the window. Nothing is fetched: it works from a file on disk.
(function () {
  'use strict';
  var WIDTH = 1280, HEIGHT = 720;
  var LARGEST_CODE = 20, SMALLEST_CODE = 14; // px; smaller cannot be read from the back of a room
  var deck = document.querySelector('.deck');
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  var current = 0;

  function overflows(element) {
    return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
  }

  function slideOverflows(slide) {
    var content = slide.querySelector('.content');
    return overflows(content) || Array.prototype.some.call(content.querySelectorAll('pre'), overflows);
  }

  // Long code shrinks a pixel at a time until the slide fits, but never below SMALLEST_CODE;
  // a slide that still does not fit gets a red outline, for its author to see.
  function fit(slide) {
    if (slide.querySelector('pre')) {
      for (var size = LARGEST_CODE; size > SMALLEST_CODE && slideOverflows(slide); size--) {
        slide.style.setProperty('--code-size', (size - 1) + 'px');
      }
    }
    slide.classList.toggle('overflowing', slideOverflows(slide));
  }

  function scaleToWindow() {
    var scale = Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
    var left = (window.innerWidth - WIDTH * scale) / 2, top = (window.innerHeight - HEIGHT * scale) / 2;
    deck.style.transform = 'translate(' + left + 'px, ' + top + 'px) scale(' + scale + ')';
  }

  function numberInAddress() {
    var number = parseInt(window.location.hash.slice(1), 10);
    return isNaN(number) ? 0 : number - 1;
  }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.classList.toggle('current', i === current); });
    var hash = '#' + (current + 1);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'Enter':
        show(current + 1); break;
      case ' ':
        show(current + (event.shiftKey ? -1 : 1)); break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace':
        show(current - 1); break;
      case 'Home':
        show(0); break;
      case 'End':
        show(slides.length - 1); break;
      default:
        return;
    }
    event.preventDefault();
  });
  window.addEventListener('hashchange', function () { show(numberInAddress()); });
  window.addEventListener('resize', scaleToWindow);

  slides.forEach(fit);
  scaleToWindow();
  show(numberInAddress());
})();
