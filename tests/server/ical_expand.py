#!/usr/bin/python3
"""Expands an iCalendar feed with standard libraries (Debian's
python3-icalendar and python3-recurring-ical-events), as a calendar program
would: prints one JSON object per session starting in [FROM, TO) (UTC,
YYYY-MM-DDTHH:MM:SSZ), sorted by start.

    ical_expand.py FEED.ics 2026-10-01T00:00:00Z 2026-12-01T00:00:00Z
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events


def utc(value):
    return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def text(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    path, start, end = sys.argv[1], utc(sys.argv[2]), utc(sys.argv[3])
    with open(path, "rb") as feed:
        calendar = icalendar.Calendar.from_ical(feed.read())
    sessions = []
    # A day either side, then the exact window by start (as the API's).
    for event in recurring_ical_events.of(calendar).between(start - datetime.timedelta(days=1),
                                                            end + datetime.timedelta(days=1)):
        begins = event["DTSTART"].dt
        if not start <= begins < end:
            continue
        sessions.append({"uid": str(event["UID"]), "start_utc": text(begins), "end_utc": text(event["DTEND"].dt),
                         "status": str(event.get("STATUS", "")), "summary": str(event.get("SUMMARY", ""))})
    sessions.sort(key=lambda s: (s["start_utc"], s["uid"]))
    json.dump(sessions, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
