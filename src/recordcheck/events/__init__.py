"""The facts the domain is about, read from a Doc: contact events with partners.

`contacts` (the rc_contact_events component) turns the agencies and named
professionals that rc_partners marks into ContactEvents: which ones the
author's service really dealt with, how, which way, done or only planned,
and what came of it. The partner register and the chronology read these.
"""
