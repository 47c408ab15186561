package dev.dunning.skiptrace;

public enum SkipTraceResult { FOUND, NOT_FOUND, DECEASED, BANKRUPT }
