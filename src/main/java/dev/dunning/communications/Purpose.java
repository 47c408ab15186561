package dev.dunning.communications;

public enum Purpose { REMINDER_1, REMINDER_2, OFFER, FINAL_NOTICE, INSTALMENT_REMINDER }
