package dev.dunning.skiptrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.cases.Address;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorCsvTest {

    static final String HEADER = "request_id,reference,status,address_line1,address_line2,postal_code,city,country,phones,emails\r\n";

    @Test
    void requestFileHasTheDocumentedHeaderAndOnlyTheMinimumData() throws Exception {
        StringWriter out = new StringWriter();
        VendorCsv.writeRequests(new SkipTraceProvider.Batch("b1", "COLLECTION_OF_EXISTING_ACCOUNT", List.of(
                new SkipTraceProvider.Subject(7, "D-7", "Ada \"The\" Debtor, Jr.", new Address("Hauptstr. 1", null, "10115", "Berlin", "DE"),
                        "+4915112345678", "ada@example.com"))), out);
        assertThat(out.toString()).isEqualTo(
                "request_id,purpose,reference,name,address_line1,address_line2,postal_code,city,country,phone,email\r\n"
                        + "7,COLLECTION_OF_EXISTING_ACCOUNT,D-7,\"Ada \"\"The\"\" Debtor, Jr.\",Hauptstr. 1,,10115,Berlin,DE,+4915112345678,ada@example.com\r\n");
        assertThat(VendorCsv.readRequests(new StringReader(out.toString())))
                .containsExactly(new SkipTraceProvider.Subject(7, "D-7", "Ada \"The\" Debtor, Jr.",
                        new Address("Hauptstr. 1", null, "10115", "Berlin", "DE"), "+4915112345678", "ada@example.com"));
    }

    @Test
    void resultsRoundTripThroughTheLayout() throws Exception {
        VendorResult found = new VendorResult(1, "D-1", SkipTraceResult.FOUND, new Address("Neue Str. 5", "c/o X", "20095", "Hamburg", "DE"),
                List.of(new VendorResult.Phone("+4940123456", VendorResult.PhoneType.LANDLINE, new BigDecimal("0.75")),
                        new VendorResult.Phone("+4915199999999", VendorResult.PhoneType.MOBILE, new BigDecimal("0.95"))),
                List.of("a@new.example", "b@new.example"));
        VendorResult deceased = VendorResult.notFound(2, "D-2", SkipTraceResult.DECEASED);
        StringWriter out = new StringWriter();
        VendorCsv.writeResults(List.of(found, deceased), out);
        assertThat(out.toString()).startsWith(HEADER).contains("+4940123456;LANDLINE;0.75|+4915199999999;MOBILE;0.95,a@new.example|b@new.example");

        VendorCsv.Parsed parsed = VendorCsv.parseResults(new StringReader(out.toString()));
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.rows()).extracting(VendorCsv.Row::result).containsExactly(found, deceased);
        assertThat(parsed.rows()).extracting(VendorCsv.Row::line).containsExactly(2L, 3L);
    }

    @Test
    void malformedRowsAreRejectedWholeWithTheReasonAndTheOthersStillRead() {
        String file = HEADER
                + "1,D-1,FOUND,Neue Str. 5,,20095,Hamburg,DE,+4940123456;LANDLINE;0.75,a@new.example\r\n"  // 2 ok
                + "x,D-2,FOUND,,,,,,,a@new.example\r\n"                                                   // 3 id
                + "3,D-3,MOVED,,,,,,,\r\n"                                                                // 4 enum
                + "4,D-4,FOUND,,,,,,+4940123456;FAX;0.5,\r\n"                                             // 5 phone type
                + "5,D-5,FOUND,,,,,,+4940123456;MOBILE;1.5,\r\n"                                          // 6 confidence range
                + "6,D-6,FOUND,,,,,,,\r\n"                                                                // 7 found without contact
                + "7,D-7,NOT_FOUND,,,,,,,x@y.example\r\n"                                                 // 8 contact on not found
                + "8,D-8,FOUND,Neue Str. 5,,20095,Hamburg,Germany,,\r\n"                                  // 9 country
                + "9,D-9,DECEASED\r\n"                                                                    // 10 field count
                + "1,D-1,NOT_FOUND,,,,,,,\r\n"                                                            // 11 duplicate id
                + "10,D-10,BANKRUPT,,,,,,,\r\n"                                                           // 12 ok
                + "11,D-11,FOUND,,,,,,,not-an-email\r\n";                                                 // 13 email
        VendorCsv.Parsed parsed = VendorCsv.parseResults(new StringReader(file));

        assertThat(parsed.rows()).extracting(r -> r.result().requestId()).containsExactly(1L, 10L);
        assertThat(parsed.rejected()).extracting(VendorCsv.Rejected::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L);
        assertThat(parsed.rejected()).extracting(VendorCsv.Rejected::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("request_id:"),
                r -> assertThat(r).startsWith("status:").contains("MOVED"),
                r -> assertThat(r).startsWith("phones[0].type:").contains("FAX"),
                r -> assertThat(r).startsWith("phones[0].confidence:"),
                r -> assertThat(r).startsWith("status: FOUND needs"),
                r -> assertThat(r).startsWith("status: NOT_FOUND must not carry"),
                r -> assertThat(r).startsWith("country:"),
                r -> assertThat(r).contains("has 3 fields"),
                r -> assertThat(r).contains("appears twice"),
                r -> assertThat(r).startsWith("emails[0]:"));
    }

    @Test
    void aFileWithAnotherHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> VendorCsv.parseResults(new StringReader("id,ref,status\r\n1,D-1,FOUND\r\n")))
                .isInstanceOf(VendorCsv.BadFile.class).hasMessageContaining("header must be request_id,reference,status");
        assertThatThrownBy(() -> VendorCsv.parseResults(new StringReader("")))
                .isInstanceOf(VendorCsv.BadFile.class);
    }
}
