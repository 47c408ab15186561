#!/usr/bin/env bash
# Drives a running embedded-mode service (mvn spring-boot:run) through three stories with curl and the dev clock:
# a case that walks every stage to IN_LEGAL, one paid mid-way that falls silent, one settled by instalments.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
AUTH=${AUTH:-admin:${DUNNING_DEMO_PASSWORD:-demo}}
RUN=$(date +%s)

api() { curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }
advance() { api -X POST "$BASE/api/dev/clock" -d "{\"advance\":\"$1\"}" >/dev/null; sleep "${2:-3}"; }
status() { api "$BASE/api/dunning-cases/$1" | sed -E 's/.*"status":"([A-Z_]+)","stage":"([A-Z_]+)".*/\1 \2/'; }
open_task() {
  for _ in $(seq 1 40); do
    id=$(api "$BASE/api/tasks?caseId=$1&type=$2&status=OPEN" | grep -o '"taskId":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
    [ -n "$id" ] && { echo "$id"; return; }
    sleep 0.5
  done
  echo "no open $2 task for case $1" >&2; exit 1
}
open_case() {
  api -X POST "$BASE/api/dunning-cases" -d "{\"invoiceNumber\":\"$1\",\"debtor\":{\"reference\":\"$2\",\"type\":\"CONSUMER\",
    \"name\":\"Ada Debtor\",\"email\":\"ada@example.com\",\"phone\":\"+4915112345678\",
    \"address\":{\"line1\":\"Hauptstr. 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}},
    \"amountDue\":{\"amount\":\"$3\",\"currency\":\"EUR\"},\"dueDate\":\"2026-01-15\"}" | field caseId
}
pay() {
  api -X POST "$BASE/api/payments" -d "{\"invoiceNumber\":\"$1\",\"amount\":{\"amount\":\"$2\",\"currency\":\"EUR\"},\"reference\":\"$3\"}" >/dev/null
}

# Messages only go out 08:00-21:00 in the debtor's time zone (Berlin here): start the story at 09:00 UTC.
hour=$(api -X POST "$BASE/api/dev/clock" -d '{"advance":"PT1S"}' | field now | cut -c12-13)
advance "PT$(( (24 + 9 - 10#$hour) % 24 ))H" 1

legal=$(open_case "DEMO-$RUN-LEGAL" "D-$RUN-1" 120.00)
paid=$(open_case "DEMO-$RUN-PAID" "D-$RUN-2" 80.00)
plan=$(open_case "DEMO-$RUN-PLAN" "D-$RUN-3" 300.00)
sleep 3
echo "opened: legal=$legal paid=$paid plan=$plan"

pay "DEMO-$RUN-PAID" 80.00 "PAY-$RUN-2"
sleep 2
echo "paid mid-way: $(status "$paid")"

advance P7D; advance P7D
api -X POST "$BASE/api/dunning-cases/$plan/offer-acceptance" -d '{"option":"INSTALMENTS"}' >/dev/null
echo "offer made; instalments accepted for the plan case"
advance P11D
api -X POST "$BASE/api/tasks/$(open_task "$legal" OUTREACH_CALL)/complete" -d '{"outcome":"REFUSED","note":"demo"}' >/dev/null
for _ in $(seq 1 60); do status "$legal" | grep -q FINAL_NOTICE && break; sleep 1; done   # skip trace by file exchange
echo "after the refused call, skip trace and the final notice: $(status "$legal")"
advance P10D
api -X POST "$BASE/api/tasks/$(open_task "$legal" LEGAL_APPROVAL)/complete" -d '{"outcome":"APPROVED"}' >/dev/null
sleep 3
echo "legal case: $(status "$legal")"

for n in 1 2 3; do pay "DEMO-$RUN-PLAN" 100.00 "PAY-$RUN-3-$n"; advance P30D 1; done
echo "instalment case: $(status "$plan")"
advance P60D
echo "emails in the embedded mailbox: $(api "$BASE/api/dev/mailbox" | grep -o '"subject"' | wc -l), SMS: $(api "$BASE/api/dev/sms" | grep -o '"to"' | wc -l)"
echo "paid case after three more months: $(status "$paid"), communications: $(api "$BASE/api/dunning-cases/$paid" | grep -o '"purpose":"[A-Z_0-9]*"' | tr '\n' ' ')"
