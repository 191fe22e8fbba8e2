package dev.asyncjavalin.lab;

/**
 * Thrown by an exercise stub. Its message names the exercise and where to read about it, so a
 * failing test or a 501 page tells the learner exactly what to open next.
 */
public final class ExerciseNotSolved extends RuntimeException {

    public ExerciseNotSolved(String exerciseId, String whatToDo) {
        super("Exercise " + exerciseId + " is not solved yet: " + whatToDo
                + " (see the chapter README, section 'Exercise " + exerciseId + "')");
    }
}
