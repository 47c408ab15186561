package dev.dunning.communications;

public enum Channel { EMAIL, SMS, LETTER }
