#!/usr/bin/env python3
"""Validate meeting-notes exports with independent parsers.

  validate-exports.py ics FILE [--events N] [--todos N]
  validate-exports.py csv FILE [--rows N]

ICS is parsed with the `icalendar` package (pip install icalendar); CSV with Python's csv module.
Checks the structure (CRLF line ends, 75-octet folding, required properties, unique UIDs, DTEND after
DTSTART, VTIMEZONE for every TZID, CSV header and field counts) and prints a JSON summary on stdout.
Exit status 0 when valid, 1 with one message per problem on stderr otherwise, 2 on usage errors.
"""
import argparse
import csv
import io
import json
import sys

CSV_HEADER = ["meeting", "date", "agenda item", "owners", "text", "due", "status", "tickets", "source file", "line"]


def fail(problems):
    for p in problems:
        print("validate-exports: " + p, file=sys.stderr)
    sys.exit(1)


def check_lines(raw, problems):
    if raw and not raw.endswith(b"\r\n"):
        problems.append("content does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d: bare CR or LF" % n)
        if len(line) > 75:
            problems.append("line %d: %d octets (more than 75)" % (n, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("line %d: folding split a UTF-8 sequence" % n)


def validate_ics(path, events, todos):
    import icalendar  # noqa: imported here so that CSV checks work without it

    raw = open(path, "rb").read()
    problems = []
    check_lines(raw, problems)
    cal = icalendar.Calendar.from_ical(raw)
    if cal.name != "VCALENDAR":
        problems.append("top component is %s" % cal.name)
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            problems.append("VCALENDAR lacks " + prop)
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
    uids = []
    out_events, out_todos = [], []
    for ev in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if prop not in ev:
                problems.append("VEVENT %s lacks %s" % (ev.get("UID"), prop))
        uids.append(str(ev.get("UID")))
        start = ev.get("DTSTART")
        end = ev.get("DTEND")
        tzid = start.params.get("TZID") if start is not None else None
        if tzid and tzid not in zones:
            problems.append("VEVENT %s uses TZID %s without a VTIMEZONE" % (ev.get("UID"), tzid))
        if start is not None and end is not None and not end.dt > start.dt:
            problems.append("VEVENT %s ends before it starts" % ev.get("UID"))
        attendees = ev.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        out_events.append({
            "uid": str(ev.get("UID")),
            "summary": str(ev.get("SUMMARY")),
            "start": start.dt.isoformat() if start is not None else None,
            "end": end.dt.isoformat() if end is not None else None,
            "tzid": tzid,
            "location": str(ev.get("LOCATION")) if ev.get("LOCATION") is not None else None,
            "description": str(ev.get("DESCRIPTION")) if ev.get("DESCRIPTION") is not None else None,
            "chairs": [str(a.params.get("CN")) for a in attendees if a.params.get("ROLE") == "CHAIR"],
            "attendees": len(attendees),
        })
    for td in cal.walk("VTODO"):
        for prop in ("UID", "DTSTAMP", "SUMMARY", "STATUS"):
            if prop not in td:
                problems.append("VTODO %s lacks %s" % (td.get("UID"), prop))
        uids.append(str(td.get("UID")))
        status = str(td.get("STATUS"))
        if status not in ("NEEDS-ACTION", "COMPLETED"):
            problems.append("VTODO %s has STATUS %s" % (td.get("UID"), status))
        due = td.get("DUE")
        if due is not None and hasattr(due.dt, "hour"):
            problems.append("VTODO %s DUE is not a DATE" % td.get("UID"))
        attendees = td.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        out_todos.append({
            "uid": str(td.get("UID")),
            "summary": str(td.get("SUMMARY")),
            "due": due.dt.isoformat() if due is not None else None,
            "status": status,
            "owners": [str(a.params.get("CN")) for a in attendees],
        })
    if len(set(uids)) != len(uids):
        problems.append("UIDs are not unique")
    if events is not None and len(out_events) != events:
        problems.append("expected %d VEVENTs, found %d" % (events, len(out_events)))
    if todos is not None and len(out_todos) != todos:
        problems.append("expected %d VTODOs, found %d" % (todos, len(out_todos)))
    if problems:
        fail(problems)
    return {"events": out_events, "todos": out_todos, "timezones": sorted(zones)}


def validate_csv(path, rows):
    raw = open(path, "rb").read()
    problems = []
    if raw and not raw.endswith(b"\r\n"):
        problems.append("content does not end with CRLF")
    text = raw.decode("utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not records or records[0] != CSV_HEADER:
        problems.append("header is %r" % (records[0] if records else None))
    body = records[1:]
    for n, r in enumerate(body, start=2):
        if len(r) != len(CSV_HEADER):
            problems.append("record %d has %d fields" % (n, len(r)))
    if rows is not None and len(body) != rows:
        problems.append("expected %d rows, found %d" % (rows, len(body)))
    if problems:
        fail(problems)
    return {"rows": [dict(zip(CSV_HEADER, r)) for r in body]}


def main():
    ap = argparse.ArgumentParser(description="Validate meeting-notes ICS and CSV exports.")
    ap.add_argument("kind", choices=["ics", "csv"])
    ap.add_argument("file")
    ap.add_argument("--events", type=int)
    ap.add_argument("--todos", type=int)
    ap.add_argument("--rows", type=int)
    args = ap.parse_args()
    if args.kind == "ics":
        summary = validate_ics(args.file, args.events, args.todos)
    else:
        summary = validate_csv(args.file, args.rows)
    json.dump(summary, sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
    print()


if __name__ == "__main__":
    main()
