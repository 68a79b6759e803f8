"""A local SMTP sink for the reminder tests: `python3 smtp_sink.py PORT DIR` accepts mail
on 127.0.0.1:PORT and writes each message to DIR as JSON (envelope recipients, decoded
subject and body), then prints `ready`. Runs until killed."""

import itertools
import json
import pathlib
import sys
import time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        record = {
            "rcpt_to": envelope.rcpt_tos,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "body": msg.get_content(),
        }
        path = self.out / f"{next(self.count):04d}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.rename(path)  # whole files only: the test may be reading the directory
        return "250 Message accepted"


def main():
    port, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    controller = Controller(Sink(out), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
