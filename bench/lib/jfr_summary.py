#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples (bench/fanout): by thread, by area (inclusive), top frames."""
import re, subprocess, sys, collections
f = sys.argv[1]
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", f],
                     capture_output=True, text=True).stdout
samples = []
for block in out.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', block)
    thread = m.group(1) if m else "?"
    frames = re.findall(r'^\s+([\w$.<>/]+)\(.*?line:', block, re.M)
    samples.append((thread, frames))
n = len(samples)
print(f"{n} execution samples (JFR 'profile' settings: every 10 ms per running Java thread)\n")
def tgroup(t):
    t = re.sub(r'\d+', 'N', t)
    return t
by_thread = collections.Counter(tgroup(t) for t, _ in samples)
print("By thread:")
for t, c in by_thread.most_common(12):
    print(f"  {100*c/n:5.1f}%  {t}")
areas = [
    ("DeliveryWorker.claimAndSend (claiming)", "DeliveryWorker.claimAndSend"),
    ("DeliveryWorker.recordDone (settling)", "DeliveryWorker.recordDone"),
    ("Channels.send (build, sign, start the POST)", "Channels.send"),
    ("WebhookSigner.sign", "WebhookSigner.sign"),
    ("Messages.webhookBody", "Messages.webhookBody"),
    ("Jetty HttpClient (org.eclipse.jetty.client)", "org.eclipse.jetty.client."),
    ("Jetty I/O (org.eclipse.jetty.io)", "org.eclipse.jetty.io."),
    ("PostgreSQL JDBC driver (org.postgresql)", "org.postgresql."),
    ("JDBI (org.jdbi)", "org.jdbi."),
    ("FilingService / fan-out insert", "DeliveryDao.fanOut"),
    ("Jersey request handling (org.glassfish.jersey)", "org.glassfish.jersey."),
]
print("\nInclusive (share of all samples with the frame anywhere on the stack):")
for label, key in areas:
    c = sum(1 for _, fr in samples if any(key in x for x in fr))
    print(f"  {100*c/n:5.1f}%  {label}")
self_ = collections.Counter(fr[0] if fr else "?" for _, fr in samples)
print("\nTop self frames:")
for fr, c in self_.most_common(30):
    print(f"  {100*c/n:5.1f}%  {fr}")
