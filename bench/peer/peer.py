#!/usr/bin/python3
"""The peer baseline for jobs/bench.sh: what a plain pandas + jieba script does with one day of
exports. It reads the same files, drops rows it cannot use, splits shop chats without ids at a
30-minute gap, segments every message with jieba, and computes per conversation the first
response time (first customer message to first human agent message; bots do not count) and
whether the greeting, apology (first agent reply after a complaint) and closing (last two agent
messages) phrases of chatqa's default rule book occur. It is deliberately plain: no word
boundaries, exclusions, sentiment, outcomes, transfers or warehouse. Writes one CSV row per
conversation and prints key=value figures.

    /usr/bin/python3 bench/peer/peer.py --input DIR --rules src/main/resources/chatqa/rules/default.yaml --out OUT.csv
"""
import argparse
import io
import json
import os
import re
import sys
import time
import warnings

import jieba
import pandas as pd
import yaml

warnings.filterwarnings("ignore", "This pattern is interpreted as a regular expression")

ROLES = {"customer": "customer", "顾客": "customer", "买家": "customer", "agent": "agent", "客服": "agent",
         "bot": "bot", "机器人": "bot", "system": "system", "系统": "system"}
COLUMNS = ["conversation_id", "sent_at", "sender_role", "agent_id", "customer_id", "shop_id", "text"]
ZONE = "Asia/Shanghai"
GAP = pd.Timedelta(minutes=30)


# Python's re has no Unicode property classes; the rule book's regexes are Java's. Inside a
# character class, punctuation and symbols become the ASCII and CJK/full-width ranges that chat
# text uses, which is what the rule book means by them.
JAVA_CLASSES = {
    r"\p{P}": r"!-/:-@\[-`{-~\u2000-\u206f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65",
    r"\p{S}": r"\u00a2-\u00a9\u2100-\u27bf\u2b00-\u2bff",
}


# Han characters: a class of their own, or a range inside a class.
HAN = r"\u3400-\u9fff"


def python_regex(regex):
    for java, python in JAVA_CLASSES.items():
        regex = regex.replace(java, python)
    regex = regex.replace(r"[\p{IsHan}]", "[" + HAN + "]")
    return regex.replace(r"\p{IsHan}", "[" + HAN + "]")


def pattern(phrases, regex=None):
    parts = [re.escape(p) for p in phrases]
    if regex:
        parts.append("(?:" + python_regex(regex) + ")")
    return "|".join(parts) if parts else None


def load_rules(path):
    with open(path, encoding="utf-8") as f:
        book = yaml.safe_load(f)
    by_category = {}
    trigger = None
    for rule in book["rules"]:
        cat = rule["category"]
        if cat not in ("greeting", "apology", "closing"):
            continue
        by_category.setdefault(cat, []).append(pattern(rule.get("phrases", []), rule.get("regex")))
        if cat == "apology":
            t = rule["trigger"]
            trigger = pattern(t.get("phrases", []), t.get("regex"))
    return {c: "|".join("(?:%s)" % p for p in ps if p) for c, ps in by_category.items()}, trigger


def read_csv(path):
    # No text spans lines in these exports: a line with an odd number of quotes is broken.
    with open(path, encoding="utf-8-sig") as f:
        text = "".join(line for line in f if line.count('"') % 2 == 0)
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, on_bad_lines="skip")
    with_offset = df["sent_at"].str.contains("T", regex=False)
    local = pd.to_datetime(df["sent_at"].where(~with_offset), format="%Y-%m-%d %H:%M:%S", errors="coerce")
    local = local.dt.tz_localize(ZONE, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
    offset = pd.to_datetime(df["sent_at"].where(with_offset), errors="coerce", utc=True)
    df["sent_at"] = local.fillna(offset)
    return df


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rows.append(json.loads(line))
            except ValueError:
                continue
    df = pd.DataFrame(rows).reindex(columns=COLUMNS).fillna("")
    df["sent_at"] = pd.to_datetime(pd.to_numeric(df["sent_at"], errors="coerce"), unit="ms", utc=True)
    return df


def read_all(root):
    frames = []
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            if name.endswith(".csv"):
                frames.append(read_csv(path))
            elif name.endswith(".jsonl"):
                frames.append(read_jsonl(path))
    df = pd.concat(frames, ignore_index=True)
    read = len(df)
    df["role"] = df["sender_role"].map(ROLES)
    df = df[df["role"].notna() & df["sent_at"].notna() & (df["text"] != "") & (df["shop_id"] != "")]
    df = df.drop_duplicates(subset=COLUMNS)
    return df, read


def conversations(df):
    df = df.sort_values(["shop_id", "customer_id", "sent_at"], kind="stable")
    no_id = df["conversation_id"] == ""
    gap = df["sent_at"].diff() > GAP
    new_customer = (df["customer_id"] != df["customer_id"].shift()) | (df["shop_id"] != df["shop_id"].shift())
    session = (gap | new_customer).cumsum().astype(str)
    df["conv"] = df["conversation_id"].where(~no_id, df["shop_id"] + ":" + df["customer_id"] + ":" + session)
    return df.sort_values(["conv", "sent_at"], kind="stable").reset_index(drop=True)


def score(df, rules, trigger):
    df["words"] = [jieba.lcut(t) for t in df["text"]]
    agent = df["role"] == "agent"
    customer = df["role"] == "customer"
    g = df.groupby("conv", sort=False)
    first_customer = df["sent_at"].where(customer).groupby(df["conv"]).min()
    after = df["sent_at"] >= df["conv"].map(first_customer)
    first_agent = df["sent_at"].where(agent & after).groupby(df["conv"]).min()
    out = pd.DataFrame({"first_response_seconds": (first_agent - first_customer).dt.total_seconds()})

    agent_rank = agent.groupby(df["conv"]).cumsum().where(agent)
    agents_in_conv = agent.groupby(df["conv"]).transform("sum")
    first_agent_msg = agent_rank == 1
    last_two = agent & (agent_rank > agents_in_conv - 2)
    greeting = df["text"].str.contains(rules["greeting"], regex=True)
    closing = df["text"].str.contains(rules["closing"], regex=True)
    out["greeting_hit"] = (greeting & first_agent_msg).groupby(df["conv"]).any()
    out["closing_hit"] = (closing & last_two).groupby(df["conv"]).any()

    complaint = customer & df["text"].str.contains(trigger, regex=True)
    apology = df["text"].str.contains(rules["apology"], regex=True)
    # The first agent message after each complaint: the next agent row in the conversation.
    pending = complaint.astype(int).groupby(df["conv"]).cumsum()
    reply_to = pending.where(agent)
    first_reply = agent & (reply_to > 0) & (reply_to != reply_to.groupby(df["conv"]).shift().fillna(0))
    out["complaints"] = complaint.groupby(df["conv"]).sum()
    out["apology_hits"] = (first_reply & apology).groupby(df["conv"]).sum()
    out["messages"] = g.size()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t0 = time.time()
    rules, trigger = load_rules(args.rules)
    jieba.setLogLevel(60)
    jieba.initialize()
    df, read = read_all(args.input)
    df = conversations(df)
    result = score(df, rules, trigger)
    result.to_csv(args.out)
    seconds = time.time() - t0
    print("rows_read=%d" % read)
    print("messages=%d" % len(df))
    print("conversations=%d" % len(result))
    print("median_first_response_seconds=%.1f" % result["first_response_seconds"].median())
    print("greeting_rate=%.3f" % result["greeting_hit"].mean())
    print("closing_rate=%.3f" % result["closing_hit"].mean())
    print("seconds=%.3f" % seconds)
    print("messages_per_second=%.0f" % (len(df) / seconds))


if __name__ == "__main__":
    sys.exit(main())
