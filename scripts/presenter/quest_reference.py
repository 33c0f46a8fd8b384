#!/usr/bin/env python3
"""Independent evaluation of Watson & Pelli's QUEST update for the hand case in
Tests/PresenterTests/QuestTests.swift (standard library only; prints the expected numbers)."""
import math

beta, gamma, delta, p_threshold = 3.5, 0.5, 0.01, 0.75
# x0 puts P(correct) = p_threshold at intensity == threshold.
x0 = math.log10(-math.log((1 - (p_threshold - delta * gamma) / (1 - delta)) / (1 - gamma))) / beta


def p_correct(intensity, threshold):
    return delta * gamma + (1 - delta) * (1 - (1 - gamma) * math.exp(-10 ** (beta * (intensity - threshold + x0))))


grid = [-1.0, 0.0, 1.0]                       # tGuess 0, grain 1, range 2
weights = [math.exp(-0.5 * t * t) for t in grid]  # prior sd 1
weights = [w * p_correct(0.0, t) for w, t in zip(weights, grid)]        # correct at 0
weights = [w * (1 - p_correct(0.2, t)) for w, t in zip(weights, grid)]  # wrong at 0.2
total = sum(weights)
posterior = [w / total for w in weights]
mean = sum(t * q for t, q in zip(grid, posterior))
sd = math.sqrt(sum((t - mean) ** 2 * q for t, q in zip(grid, posterior)))
print("x0", x0)
print("posterior", posterior)
print("mean", mean, "sd", sd)
