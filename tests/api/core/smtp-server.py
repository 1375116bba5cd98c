#!/usr/bin/python3
"""A real SMTP server for the API tests (Debian python3-aiosmtpd): writes each
message it accepts to DIR/NNNN.json as {mail_from, rcpt_tos, data}, data being
the raw message as received. --delay makes DATA take that many seconds (to
hold a send job open); --refuse answers every RCPT with 550.

  /usr/bin/python3 tests/api/core/smtp-server.py PORT DIR [--delay S] [--refuse]
"""
import asyncio
import json
import os
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder, delay, refuse):
        self.folder, self.delay, self.refuse = folder, delay, refuse
        # A restarted server on the same folder continues its numbering.
        self.n = len([f for f in os.listdir(folder) if f.endswith('.json')])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return '550 5.1.1 mailbox unavailable'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.n += 1
        path = os.path.join(self.folder, '%04d.json' % self.n)
        with open(path + '.tmp', 'w', encoding='utf-8') as f:
            json.dump({'mail_from': envelope.mail_from, 'rcpt_tos': envelope.rcpt_tos,
                       'data': envelope.original_content.decode('utf-8', 'replace')}, f)
        os.rename(path + '.tmp', path)
        return '250 Message accepted for delivery'


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[sys.argv.index('--delay') + 1]) if '--delay' in sys.argv else 0
    refuse = '--refuse' in sys.argv
    os.makedirs(folder, exist_ok=True)
    c = Controller(Handler(folder, delay, refuse), hostname='127.0.0.1', port=port)
    c.start()
    print('ready', flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        c.stop()


if __name__ == '__main__':
    main()
