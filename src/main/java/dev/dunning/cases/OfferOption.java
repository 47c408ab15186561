package dev.dunning.cases;

public enum OfferOption { DISCOUNT, INSTALMENTS }
