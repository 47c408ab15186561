package dev.dunning.legal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The PDF summary of an evidence pack, rendered from XHTML with openhtmltopdf (built-in fonts, A4). */
@Component
public class EvidencePdf {

    public byte[] render(Map<String, Object> pack) {
        String html = html(pack);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("evidence PDF could not be rendered", e);
        }
    }

    @SuppressWarnings("unchecked")
    static String html(Map<String, Object> pack) {
        Map<String, Object> invoice = (Map<String, Object>) pack.get("invoice");
        Map<String, Object> amounts = (Map<String, Object>) pack.get("amounts");
        StringBuilder h = new StringBuilder("""
                <html><head><style>
                body { font-family: Helvetica, sans-serif; font-size: 10pt; }
                h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }
                table { border-collapse: collapse; width: 100%; } td, th { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; }
                </style></head><body>""");
        h.append("<h1>Evidence pack: invoice ").append(esc(invoice.get("invoiceNumber"))).append("</h1>");
        h.append("<p>Case ").append(esc(pack.get("caseId"))).append(", due ").append(esc(invoice.get("dueDate"))).append("</p>");
        Object debtor = pack.get("debtor");
        if (debtor instanceof dev.dunning.cases.Debtor d) {
            h.append("<h2>Debtor</h2><p>").append(esc(d.name())).append(" (").append(esc(d.reference())).append(")<br/>")
                    .append(esc(d.address() != null ? d.address().oneLine() : "no postal address")).append("<br/>")
                    .append(esc(d.email())).append(" ").append(esc(d.phone())).append("</p>");
        }
        h.append("<h2>Amounts (").append(esc(amounts.get("currency"))).append(")</h2><table>");
        for (String k : List.of("principal", "charges", "payments", "outstanding")) {
            h.append("<tr><th>").append(k).append("</th><td>").append(esc(amounts.get(k))).append("</td></tr>");
        }
        h.append("</table>");
        table(h, "Payments", (List<Map<String, Object>>) pack.get("payments"), List.of("reference", "amount", "paidAt"));
        table(h, "Communications", (List<Map<String, Object>>) pack.get("communications"), List.of("at", "purpose", "channel", "status"));
        h.append("<h2>Offer</h2><p>").append(esc(pack.get("offer") != null ? describeOffer(pack.get("offer")) : "none")).append("</p>");
        table(h, "Calls, approvals and promises", (List<Map<String, Object>>) pack.get("tasks"), List.of("type", "status", "outcome", "promisedDate", "promiseResult"));
        table(h, "Skip trace", (List<Map<String, Object>>) pack.get("skipTrace"), List.of("requestedAt", "provider", "result", "resultAt"));
        table(h, "Disputes", (List<Map<String, Object>>) pack.get("disputes"), List.of("raisedAt", "reason", "resolution", "resolvedAt"));
        h.append("</body></html>");
        return h.toString();
    }

    private static String describeOffer(Object offer) {
        if (offer instanceof dev.dunning.cases.Offer o) {
            return "status " + o.status() + (o.acceptedOption() != null ? ", accepted " + o.acceptedOption() : "")
                    + (o.discountAmount() != null ? ", discounted amount " + o.discountAmount().stripTrailingZeros().toPlainString() : "")
                    + (o.instalmentCount() != null ? ", " + o.instalmentCount() + " instalments" : "");
        }
        return String.valueOf(offer);
    }

    private static void table(StringBuilder h, String title, List<Map<String, Object>> rows, List<String> columns) {
        h.append("<h2>").append(esc(title)).append("</h2>");
        if (rows == null || rows.isEmpty()) {
            h.append("<p>none</p>");
            return;
        }
        h.append("<table><tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (Map<String, Object> row : rows) {
            h.append("<tr>");
            columns.forEach(c -> h.append("<td>").append(esc(row.get(c))).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String esc(Object value) {
        if (value == null) return "";
        return value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
