package dev.dunning.cases;

public record Address(String line1, String line2, String postalCode, String city, String country) {
    public String oneLine() {
        return String.join(", ", java.util.stream.Stream.of(line1, line2, postalCode + " " + city, country)
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
