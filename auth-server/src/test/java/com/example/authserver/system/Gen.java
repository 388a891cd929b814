package com.example.authserver.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generator of test input from a seeded random source: the same seed gives the same values, so a failing case
 * of the sweep is reproduced by its seed and number alone ({@link Sweep}). A small stand-in for a property-testing
 * library's generators, with the few combinators the sweep needs.
 */
@FunctionalInterface
interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** A list of 0 to {@code max} values. */
    default Gen<List<T>> list(int max) {
        return random -> {
            int size = random.nextInt(max + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> all = List.copyOf(Arrays.asList(values));
        return random -> all.get(random.nextInt(all.size()));
    }

    static <T> Gen<T> oneOf(List<T> values) {
        List<T> all = List.copyOf(values);
        return random -> all.get(random.nextInt(all.size()));
    }

    /** A value of one of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> anyOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /** {@code Gen.<T>mix().add(3, a).add(1, b)}: a value of {@code a} three times as often as one of {@code b}. */
    static <T> Mix<T> mix() {
        return new Mix<>();
    }

    /** Generators with weights: each value comes from one of them, picked by weight. */
    final class Mix<T> implements Gen<T> {

        private final List<Integer> weights = new ArrayList<>();

        private final List<Gen<? extends T>> generators = new ArrayList<>();

        private int total;

        public Mix<T> add(int weight, Gen<? extends T> generator) {
            weights.add(weight);
            generators.add(generator);
            total += weight;
            return this;
        }

        @Override
        public T next(SplittableRandom random) {
            int pick = random.nextInt(total);
            for (int i = 0; i < weights.size(); i++) {
                pick -= weights.get(i);
                if (pick < 0) {
                    return generators.get(i).next(random);
                }
            }
            throw new IllegalStateException("weights changed while generating");
        }
    }

    /** True with the given probability. */
    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }
}
