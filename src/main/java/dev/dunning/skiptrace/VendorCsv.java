package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The vendor file layout (documented in the README): RFC 4180 CSV, UTF-8, comma separated, a header line, CRLF.
 * Requests carry only the minimum data; results are parsed strictly: exact header, types, enum values. A malformed
 * row is rejected whole with the reason, never half-read.
 */
public final class VendorCsv {

    public static final String[] REQUEST_HEADER = {"request_id", "purpose", "reference", "name", "address_line1",
            "address_line2", "postal_code", "city", "country", "phone", "email"};
    public static final String[] RESULT_HEADER = {"request_id", "reference", "status", "address_line1", "address_line2",
            "postal_code", "city", "country", "phones", "emails"};

    /** A result row that passed every check, with its line number. */
    public record Row(long line, VendorResult result) {}

    /** A row that did not: its line, the request id when it could be read, and why. */
    public record Rejected(long line, Long requestId, String reason) {}

    public record Parsed(List<Row> rows, List<Rejected> rejected) {}

    /** The whole file is unusable (wrong header, not CSV at all). */
    public static class BadFile extends RuntimeException {
        public BadFile(String message) {
            super(message);
        }
    }

    private VendorCsv() {
    }

    public static void writeRequests(SkipTraceProvider.Batch batch, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(REQUEST_HEADER).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (SkipTraceProvider.Subject s : batch.subjects()) {
                Address a = s.lastAddress();
                printer.printRecord(s.requestId(), batch.purpose(), s.reference(), s.name(),
                        a != null ? a.line1() : "", a != null ? nz(a.line2()) : "", a != null ? a.postalCode() : "",
                        a != null ? a.city() : "", a != null ? a.country() : "", nz(s.lastPhone()), nz(s.lastEmail()));
            }
        }
    }

    /** Reads a request file (what the sandbox vendor does with our outbox file). */
    public static List<SkipTraceProvider.Subject> readRequests(Reader in) throws IOException {
        List<SkipTraceProvider.Subject> subjects = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            requireHeader(parser, REQUEST_HEADER);
            for (CSVRecord r : parser) {
                Address a = r.get("address_line1").isEmpty() ? null
                        : new Address(r.get("address_line1"), emptyToNull(r.get("address_line2")), r.get("postal_code"), r.get("city"), r.get("country"));
                subjects.add(new SkipTraceProvider.Subject(Long.parseLong(r.get("request_id")), r.get("reference"), r.get("name"), a,
                        emptyToNull(r.get("phone")), emptyToNull(r.get("email"))));
            }
        }
        return subjects;
    }

    public static void writeResults(List<VendorResult> results, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(RESULT_HEADER).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (VendorResult r : results) {
                Address a = r.address();
                printer.printRecord(r.requestId(), r.reference(), r.status(),
                        a != null ? a.line1() : "", a != null ? nz(a.line2()) : "", a != null ? a.postalCode() : "",
                        a != null ? a.city() : "", a != null ? a.country() : "",
                        String.join("|", r.phones().stream().map(p -> p.number() + ";" + p.type() + ";" + p.confidence().toPlainString()).toList()),
                        String.join("|", r.emails()));
            }
        }
    }

    public static Parsed parseResults(Reader in) {
        List<Row> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        CSVParser parser;
        try {
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get().parse(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadFile("not a readable CSV file: " + e.getMessage());
        }
        try (parser) {
            requireHeader(parser, RESULT_HEADER);
            var records = parser.iterator();
            long line = 1;
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) break;
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejected.add(new Rejected(line + 1, null, "unparseable CSV from here on: " + e.getMessage()));
                    break;
                }
                line = r.getRecordNumber() + 1; // the header is line 1
                if (!r.isConsistent()) {
                    rejected.add(new Rejected(line, null, "has " + r.size() + " fields, the layout has " + RESULT_HEADER.length));
                    continue;
                }
                Long requestId = null;
                try {
                    requestId = Long.parseLong(r.get("request_id"));
                } catch (NumberFormatException e) {
                    rejected.add(new Rejected(line, null, "request_id: not a number"));
                    continue;
                }
                try {
                    VendorResult result = toResult(requestId, r);
                    List<ResultChecks.Problem> problems = ResultChecks.check(result);
                    if (!problems.isEmpty()) {
                        rejected.add(new Rejected(line, requestId, String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList())));
                    } else if (!seen.add(requestId)) {
                        rejected.add(new Rejected(line, requestId, "request_id: appears twice in the file"));
                    } else {
                        rows.add(new Row(line, result));
                    }
                } catch (FieldError e) {
                    rejected.add(new Rejected(line, requestId, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new BadFile("not a readable CSV file: " + e.getMessage());
        }
        return new Parsed(rows, rejected);
    }

    private static class FieldError extends RuntimeException {
        FieldError(String field, String message) {
            super(field + ": " + message);
        }
    }

    private static VendorResult toResult(long requestId, CSVRecord r) {
        SkipTraceResult status;
        try {
            status = SkipTraceResult.valueOf(r.get("status"));
        } catch (IllegalArgumentException e) {
            throw new FieldError("status", "'" + r.get("status") + "' is not one of " + Arrays.toString(SkipTraceResult.values()));
        }
        boolean anyAddress = !(r.get("address_line1").isEmpty() && r.get("address_line2").isEmpty() && r.get("postal_code").isEmpty()
                && r.get("city").isEmpty() && r.get("country").isEmpty());
        Address address = anyAddress ? new Address(emptyToNull(r.get("address_line1")), emptyToNull(r.get("address_line2")),
                emptyToNull(r.get("postal_code")), emptyToNull(r.get("city")), emptyToNull(r.get("country"))) : null;
        List<VendorResult.Phone> phones = new ArrayList<>();
        if (!r.get("phones").isEmpty()) {
            String[] entries = r.get("phones").split("\\|", -1);
            for (int i = 0; i < entries.length; i++) {
                String[] parts = entries[i].split(";", -1);
                if (parts.length != 3) throw new FieldError("phones[" + i + "]", "must be number;type;confidence");
                VendorResult.PhoneType type;
                try {
                    type = VendorResult.PhoneType.valueOf(parts[1]);
                } catch (IllegalArgumentException e) {
                    throw new FieldError("phones[" + i + "].type", "'" + parts[1] + "' is not one of " + Arrays.toString(VendorResult.PhoneType.values()));
                }
                BigDecimal confidence;
                try {
                    confidence = new BigDecimal(parts[2]);
                } catch (NumberFormatException e) {
                    throw new FieldError("phones[" + i + "].confidence", "not a decimal number");
                }
                phones.add(new VendorResult.Phone(parts[0], type, confidence));
            }
        }
        List<String> emails = r.get("emails").isEmpty() ? List.of() : Arrays.asList(r.get("emails").split("\\|", -1));
        return new VendorResult(requestId, r.get("reference"), status, address, phones, emails);
    }

    private static void requireHeader(CSVParser parser, String[] expected) {
        List<String> actual = parser.getHeaderNames();
        if (!actual.equals(List.of(expected))) {
            throw new BadFile("header must be " + String.join(",", expected) + " but is " + String.join(",", actual));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
