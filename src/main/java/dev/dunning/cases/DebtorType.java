package dev.dunning.cases;

public enum DebtorType { CONSUMER, BUSINESS }
