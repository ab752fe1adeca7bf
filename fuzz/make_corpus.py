#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ (committed; rerun after changing a seed).

Service seeds are requests in protobuf text format, encoded with `protoc --encode` against
proto/, each prefixed with its method name and a NUL (the service_fuzz input format).
"""
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def encode(message_type, text):
    proto_files = [os.path.join("techmatch", "v1", f)
                   for f in sorted(os.listdir(os.path.join(ROOT, "proto", "techmatch", "v1")))
                   if f.endswith(".proto")]
    return subprocess.run(
        ["protoc", "-I", os.path.join(ROOT, "proto"), "-I", "/usr/include",
         "--encode=techmatch.v1." + message_type] + proto_files,
        input=text.encode(), capture_output=True, check=True).stdout


# --- filter: a selector byte (field set) and the filter text ----------------------------------
FILTERS = [
    (0, 'industry = "industries/liquor" AND state = OPEN'),
    (0, 'create_time >= "2026-10-01T00:00:00+08:00" AND enterprise != acme'),
    (1, 'trl >= 6 AND institute = "organizations/scu" AND event = fair'),
    (2, 'kind = UNIVERSITY AND region_code = "510500"'),
    (3, 'start_time < "2027-01-01T00:00:00Z"'),
    (4, 'kind != ENTERPRISE'),
    (5, 'contract_amount >= 1000000.50 AND kind = TECHNOLOGY_DEVELOPMENT AND state != TERMINATED'),
    (5, 'sign_time >= "2026-10-20T10:00:00Z" AND supplier = "organizations/scu"'),
    (0, 'title = "\\"quoted\\" \\\\ text"'),
    (0, 'industry = AND'),
]
for i, (selector, text) in enumerate(FILTERS):
    write("filter", f"seed-{i:02d}", bytes([selector]) + text.encode())

# --- money: mode byte even = text, odd = wire parts (units int64 BE, nanos int32 BE); bits 2-3
# the currency: 0 CNY, 4 JPY (no decimals), 8 KWD (three) ----------------------------------------
for i, text in enumerate(["1,234.56", "230萬", "230万", "2.8億", "2.8亿元", "¥12", "￥0.01",
                          "0", "9,223,372,036,854,775,807", "1.234", "12,34", "-5", "1e3"]):
    write("money", f"text-{i:02d}", b"\x00" + text.encode())
for i, (mode, text) in enumerate([(4, "1,234"), (4, "1.2345万"), (4, "1.5"), (4, "¥9,999,999"),
                                  (8, "1,234.567"), (8, "0.00000000001亿"), (8, "1.2345"),
                                  (8, "9999.999")]):
    write("money", f"text-currency-{i:02d}", bytes([mode]) + text.encode())
for i, (units, nanos) in enumerate([(2300000, 500000000), (0, 10000000), (-1, 0),
                                    (92233720368547758, 70000000), (1, 1)]):
    write("money", f"parts-{i:02d}", b"\x01" + struct.pack(">qi", units, nanos))
for i, (mode, units, nanos) in enumerate([(5, 1234, 0), (5, 1, 500000000), (9, 1234, 567000000),
                                          (9, 9223372036854775, 807000000), (11, 1, 0)]):
    write("money", f"parts-currency-{i:02d}", bytes([mode]) + struct.pack(">qi", units, nanos))

# --- text -------------------------------------------------------------------------------------
for i, text in enumerate([
        "濃香型白酒窖池微生物調控：窖泥老化、己酸菌群衰退",
        "PLC-200 控制改造 GB/T 19001 ＰＬＣ Fermentation 2026年",
        "纤维素乙醇发酵工艺 Cellulosic ethanol, pilot scale.",
        "釀造 酿造 𠮷野家 🍶 e\u0301 ﬁ",
        "\xff\xfe invalid \xc3\x28 utf-8",
]):
    write("text", f"seed-{i:02d}", text.encode("utf-8", "surrogateescape")
          if isinstance(text, str) else text)

# --- csv: a selector byte (0 needs, 1 offerings, 2 organizations) and the file -----------------
write("csv", "needs", b"\x00" + """\ufeffid,enterprise,title,description,keywords,industries,budget,min_trl,cooperation_modes,events
n-001,acme,濃香型白酒窖池微生物調控,"窖泥老化、板結,己酸菌群衰退",窖池；窖泥,liquor,300萬,4,JOINT_DEVELOPMENT;TECHNICAL_SERVICE,fair
,acme,"多行
描述",,,liquor;agriculture,1,234.5,9,,
bad,nobody,,x,,nonsense,-1,10,FLYING,
""".encode())
write("csv", "offerings", b"\x01" + """id,institute,title,description,keywords,industries,trl,patents,cooperation_modes,asking_price,events
o-001,scu,纤维素乙醇发酵工艺,Cellulosic ethanol,纤维素,energy,6,ZL201910123456.7,LICENSE,80万,fair
o-002,scu,"PLC-200 控制改造",,,machinery,7,,transfer,45万,
""".encode())
write("csv", "organizations", b"\x02" + """id,display_name,kind,parent,region_code,industries
scu-chem,四川大學化學工程學院,UNIVERSITY,scu,510107,chemicals
,瀘州老窖,ENTERPRISE,,510500,liquor
x,,SPACESHIP,nobody,12,
""".encode())
write("csv", "bad-quote", b"\x00id,enterprise,title\n\"unterminated,acme,x\n")

# --- service: "Service.Method" NUL request ---------------------------------------------------
NEED = '''enterprise: "organizations/acme" title: "白酒窖池微生物調控"
  description: "Pit mud microbiome." keywords: "白酒" industries: "industries/liquor"
  budget { currency_code: "CNY" units: 2300000 nanos: 500000000 } min_trl: 4
  cooperation_modes: JOINT_DEVELOPMENT events: "events/fair"'''
OFFERING = '''institute: "organizations/scu" title: "纤维素乙醇发酵工艺" industries: "industries/energy"
  trl: 6 patents: "ZL201910123456.7" cooperation_modes: LICENSE
  asking_price { currency_code: "CNY" units: 800000 }'''
SERVICE = [
    ("IndustryService.CreateIndustry", "CreateIndustryRequest",
     'industry { display_name_zh: "茶业" display_name_en: "Tea" } industry_id: "tea"'),
    ("IndustryService.ListIndustries", "ListIndustriesRequest", "page_size: 3"),
    ("OrganizationService.CreateOrganization", "CreateOrganizationRequest",
     'organization { display_name: "四川大學化學工程學院" kind: UNIVERSITY parent: "organizations/scu"'
     ' region_code: "510107" industries: "industries/chemicals" } organization_id: "scu-chem"'
     ' request_id: "r1"'),
    ("OrganizationService.ListOrganizations", "ListOrganizationsRequest",
     'filter: "kind = UNIVERSITY" page_size: 2'),
    ("OrganizationService.UpdateOrganization", "UpdateOrganizationRequest",
     'organization { name: "organizations/acme" display_name: "Acme 2" etag: "\\"1\\"" }'
     ' update_mask { paths: "display_name" }'),
    ("EventService.CreateEvent", "CreateEventRequest",
     'event { display_name: "洽谈会" location: "泸州" start_time { seconds: 1795000000 }'
     ' end_time { seconds: 1795086400 } organizers: "organizations/gov" } event_id: "fair-2"'),
    ("EventService.RegisterParticipant", "RegisterParticipantRequest",
     'event: "events/fair" organization: "organizations/acme"'),
    ("EventService.ListParticipants", "ListParticipantsRequest", 'parent: "events/fair"'),
    ("NeedService.CreateNeed", "CreateNeedRequest", f'need {{ {NEED} }} need_id: "n1"'),
    ("NeedService.GetNeed", "GetNeedRequest", 'name: "needs/n1"'),
    ("NeedService.ListNeeds", "ListNeedsRequest",
     'filter: "industry = liquor AND state = OPEN" query: "酿造 窖池" page_size: 5'),
    ("NeedService.UpdateNeed", "UpdateNeedRequest",
     f'need {{ name: "needs/n1" {NEED} etag: "\\"1\\"" }} update_mask {{ paths: "title" paths: "budget" }}'),
    ("NeedService.WithdrawNeed", "WithdrawNeedRequest", 'name: "needs/n1"'),
    ("OfferingService.CreateOffering", "CreateOfferingRequest",
     f'offering {{ {OFFERING} }} offering_id: "o1"'),
    ("OfferingService.ListOfferings", "ListOfferingsRequest", 'filter: "trl >= 6" query: "PLC-200"'),
    ("MatchService.MatchNeed", "MatchNeedRequest", 'need: "needs/n1" page_size: 5'),
    ("MatchService.MatchOffering", "MatchOfferingRequest", 'offering: "offerings/o1"'),
    ("MatchService.MatchEvent", "MatchEventRequest", 'event: "events/fair" per_need_limit: 3'),
    ("AgreementService.CreateAgreement", "CreateAgreementRequest",
     'agreement { title: "技术开发合同" kind: TECHNOLOGY_DEVELOPMENT'
     ' parties { organization: "organizations/scu" role: SUPPLIER }'
     ' parties { organization: "organizations/acme" role: DEMANDER }'
     ' industries: "industries/liquor" event: "events/fair" sign_time { seconds: 1790000000 }'
     ' contract_amount { currency_code: "CNY" units: 2300000 } } agreement_id: "a1"'),
    ("AgreementService.ListAgreements", "ListAgreementsRequest",
     'filter: "contract_amount >= 1000000.50 AND kind = TECHNOLOGY_DEVELOPMENT"'),
    ("AgreementService.StartAgreement", "StartAgreementRequest", 'name: "agreements/a1"'),
    ("AgreementService.ExportAgreements", "ExportAgreementsRequest", 'filter: "event = fair"'),
    ("ReportService.SummarizeAgreements", "SummarizeAgreementsRequest",
     'group_by: KIND group_by: INDUSTRY group_by: SIGN_MONTH filter: "state != TERMINATED"'),
    ("ReportService.GetEventSummary", "GetEventSummaryRequest",
     'event: "events/fair" language_code: "zh-Hant"'),
]
for method, message_type, text in SERVICE:
    try:
        payload = encode(message_type, text)
    except subprocess.CalledProcessError as e:
        sys.exit(f"{method}: {e.stderr.decode()}")
    write("service", method, method.encode() + b"\x00" + payload)
rows = [encode("ImportNeedsRequest", f'need {{ {NEED} }} row_number: {n}') for n in (2, 3)]
rows.append(encode("ImportNeedsRequest", 'need { title: "" } row_number: 4'))
write("service", "NeedService.ImportNeeds",
      b"NeedService.ImportNeeds\x00" + b"".join(struct.pack("<H", len(r)) + r for r in rows))
rows = [encode("ImportOfferingsRequest", f'offering {{ {OFFERING} }} offering_id: "o-{n}"')
        for n in (7, 8)]
write("service", "OfferingService.ImportOfferings",
      b"OfferingService.ImportOfferings\x00" + b"".join(struct.pack("<H", len(r)) + r for r in rows))

# Requests whose bytes do not parse (sent raw, as a client that does not check would): a string
# field that is not UTF-8 (a later occurrence of a field replaces the first), a truncated field.
# The server must answer INVALID_ARGUMENT, not gRPC's INTERNAL
# (server/malformed_request_interceptor.h): the sync API, an async short read, a server stream.
BAD = {
    "NeedService.CreateNeed": encode("CreateNeedRequest", f'need {{ {NEED} }} need_id: "n9"')
    + b"\x12\x02\xff\xfe",
    "NeedService.GetNeed": b"\x0a\x08needs/\xc3\x28",
    "MatchService.MatchEvent": encode("MatchEventRequest", 'event: "events/fair"')
    + b"\x0a\x04\xb0\xd7\xbe\xc6",  # GBK bytes
}
for method, payload in BAD.items():
    write("service", "invalid-utf8-" + method, method.encode() + b"\x00" + payload)
write("service", "truncated-NeedService.ListNeeds", b"NeedService.ListNeeds\x00\x0a\x05ab")
print("corpus written under", CORPUS)
