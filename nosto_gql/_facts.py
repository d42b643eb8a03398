"""Facts about Nosto's API, written once and read by the client and the sandbox alike.

Everything here comes from ../shared/reference (REST.md, NOTES.md, PRODUCT_MODEL.md). Where the
sources disagree or are unsure, the value chosen is the best-supported one and the comment says so;
correcting a fact means editing this file only.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

DEFAULT_BASE_URL = "https://api.nosto.com"
BASE_URL_ENV_VAR = "NOSTO_API_BASE_URL"

# Nosto rejects upsert/discontinue bodies above "2 MB" (REST.md 1.6). Whether that means 2 MiB is
# not documented, so the smaller reading is the cap: a 413 would stop a bulk upload midway.
MAX_PAYLOAD_BYTES = 2_000_000

# A session lapses 30 minutes after its last activity (NOTES.md 2, Sessions).
SESSION_TTL = timedelta(minutes=30)

# The catalog listing (`products`) can page over at most this many products (NOTES.md 2).
PRODUCTS_LISTING_CAP = 10_000

# Nosto's bot detection rejects session traffic whose User-Agent is empty or contains "bot"
# (NOTES.md 2, User-Agent / bot detection).
BOT_USER_AGENT_MARKER = "bot"


def looks_like_bot(user_agent: str) -> bool:
    """True for a User-Agent that Nosto's bot detection would reject."""
    return not user_agent.strip() or BOT_USER_AGENT_MARKER in user_agent.lower()


# Nosto's PHP SDK never asks for more than this many products per category-merchandising call
# and loops with batchToken instead (BatchedCategoryMerchandising::HARD_LIMIT, NOTES.md 2).
CATEGORY_PAGE_LIMIT = 250

# Header that keeps test traffic out of Nosto's statistics (NOTES.md 2, Test traffic).
IGNORE_TRAFFIC_HEADER = "X-Nosto-Ignore"
REQUEST_ID_HEADER = "X-Request-ID"

# Values of `errorType` in GraphQL error entries (graphql-java names, NOTES.md 2, Error shapes).
# InvalidSyntax is graphql-java's name for a document that does not parse.
GRAPHQL_ERROR_VALIDATION = "ValidationError"
GRAPHQL_ERROR_DATA_FETCHING = "DataFetchingException"
GRAPHQL_ERROR_INVALID_SYNTAX = "InvalidSyntax"

# Fields the docs require on every upserted product (REST.md 3.1); the SDK itself checks only
# product_id, and a `{product_id, availability: "Discontinued"}` upsert is used in the wild.
PRODUCT_REQUIRED_FIELDS = (
    "product_id",
    "name",
    "url",
    "image_url",
    "availability",
    "price",
    "price_currency_code",
)
# `type` of the 400 body listing per-product upsert failures (REST.md 1.5).
UPSERT_ERROR_TYPE = "has_errors"


class TokenFamily(str, enum.Enum):
    """The kinds of API token Nosto issues; each grants access to one group of endpoints."""

    APPS = "apps"
    PRODUCTS = "products"
    EMAIL = "email"
    RATES = "rates"
    SETTINGS = "settings"
    OMNICHANNEL = "omnichannel"
    REC = "rec"

    @property
    def token_name(self) -> str:
        """The name Nosto's admin shows for the token, e.g. ``API_APPS``."""
        return f"API_{self.name}"

    @property
    def env_var(self) -> str:
        """The environment variable `NostoClient.from_env()` reads the token from."""
        return f"NOSTO_{self.token_name}_TOKEN"


@dataclass(frozen=True)
class Endpoint:
    """One HTTP endpoint: how to call it, which token it takes, and whether a retry is safe."""

    method: str
    path: str
    family: TokenFamily
    # True when sending the same request twice has the same effect as sending it once.
    idempotent: bool


# GraphQL retry safety depends on the operation (queries yes, mutations no), decided per call.
GRAPHQL = Endpoint("POST", "/v1/graphql", TokenFamily.APPS, idempotent=False)
PRODUCTS_UPSERT = Endpoint("POST", "/v1/products/upsert", TokenFamily.PRODUCTS, idempotent=True)
PRODUCTS_DISCONTINUE = Endpoint(
    "POST", "/v1/products/discontinue", TokenFamily.PRODUCTS, idempotent=True
)
# No /v1 prefix on recrawl (REST.md 3.3); each call triggers crawls, so it is never retried.
PRODUCTS_RECRAWL = Endpoint("POST", "/products/recrawl", TokenFamily.PRODUCTS, idempotent=False)
# Legacy, undocumented (REST.md 3.4-3.5): kept for old integrations, deprecated in favour of
# upsert. Creating a product that exists may fail, so create is never resent; update is a PUT.
PRODUCTS_CREATE = Endpoint("POST", "/v1/products/create", TokenFamily.PRODUCTS, idempotent=False)
PRODUCTS_UPDATE = Endpoint("PUT", "/v1/products/update", TokenFamily.PRODUCTS, idempotent=True)

# API_RATES (REST.md 3.11): no /v1 prefix. Sending the same rates twice stores the same rates.
RATES_UPDATE = Endpoint("POST", "/exchangerates", TokenFamily.RATES, idempotent=True)
# API_SETTINGS (REST.md 3.12): a PUT, known only from the PHP SDK and its mock blueprint.
SETTINGS_UPDATE = Endpoint("PUT", "/settings", TokenFamily.SETTINGS, idempotent=True)
# CONFLICT (REST.md 3.12, 5.4): PHP SDK 7.7.7 fixed the currency-format keys to camelCase
# (`currencyBeforeAmount`); earlier SDKs and the signup payload use snake_case. The newest SDK is
# the best evidence of what the server reads. "camelCase" or "snake_case"; change it here only.
SETTINGS_CURRENCY_FORMAT_KEYS = "camelCase"
# API_REC (REST.md 3.14): the deprecated legacy recommendations API; only this GET is known.
LEGACY_RECOMMENDATIONS = Endpoint("GET", "/recommendations", TokenFamily.REC, idempotent=True)
# Only `?elements=<one slot id>` is documented; several ids go comma-separated (a guess).
LEGACY_RECOMMENDATIONS_ELEMENTS_PARAM = "elements"
LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR = ","


# API_EMAIL (REST.md 3.6-3.10). Paths with `{email}` take the address percent-encoded
# (`email_path_segment`); `op` goes in the query string, never in the path.
EMAIL_BLACKLIST_OP_PARAM = "op"
EMAIL_BLACKLIST_ADD = Endpoint("POST", "/v1/email/blacklist", TokenFamily.EMAIL, idempotent=True)
# CONFLICT (REST.md 3.7, 5.1): the docs still show `/v1/email?op=remove`, never updated since the
# 2020 import, while the add example moved to `/v1/email/blacklist?op=add` in 2021. The remove
# counterpart of the current add path is the best-supported reading; the legacy path is the
# alternative. Change it here only.
EMAIL_BLACKLIST_REMOVE = Endpoint("POST", "/v1/email/blacklist", TokenFamily.EMAIL, idempotent=True)
EMAIL_BLACKLIST_ADD_OP = "add"
EMAIL_BLACKLIST_REMOVE_OP = "remove"
# CONFLICT (REST.md 3.8, 5.2): docs since 2022-08 say `/api/v1/customers/consent/...`, while the
# PHP SDK (unchanged since 2018 and used by every platform integration), the older docs and BP use
# `/v1/customers/consent/...`; all other API_EMAIL paths are under `/v1`. The SDK's path is what
# the integrations in the field send. Change it here only.
EMAIL_CONSENT = Endpoint(
    "POST", "/v1/customers/consent/{email}/{state}", TokenFamily.EMAIL, idempotent=True
)
# Each takeout enqueues another export job and e-mail (REST.md 3.9): never resent.
GDPR_TAKEOUT = Endpoint(
    "POST", "/v1/customers/takeout/{email}", TokenFamily.EMAIL, idempotent=False
)
GDPR_REDACT = Endpoint("DELETE", "/v1/customers/redact/{email}", TokenFamily.EMAIL, idempotent=True)


def email_path_segment(email: str) -> str:
    """``email`` percent-encoded for a path segment (``@`` → ``%40``, ``/`` → ``%2F``)."""
    return quote(email, safe="")


KNOWN_ENDPOINTS = (
    GRAPHQL,
    PRODUCTS_UPSERT,
    PRODUCTS_DISCONTINUE,
    PRODUCTS_RECRAWL,
    PRODUCTS_CREATE,
    PRODUCTS_UPDATE,
    RATES_UPDATE,
    SETTINGS_UPDATE,
    LEGACY_RECOMMENDATIONS,
    EMAIL_BLACKLIST_ADD,
    EMAIL_BLACKLIST_REMOVE,
    EMAIL_CONSENT,
    GDPR_TAKEOUT,
    GDPR_REDACT,
)


def _path_pattern(template: str) -> re.Pattern[str]:
    # A placeholder matches anything, "/" included: a decoded e-mail may hold one.
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".+".join(re.escape(part) for part in parts))


# Paths Nosto's sources give as alternatives to the ones above (REST.md 5.1-5.2): the client does
# not call them, but knows whose they are, so `client.request` sends no other family's token there.
ALTERNATIVE_PATHS = (
    ("/v1/email", TokenFamily.EMAIL),
    ("/api/v1/customers/consent/{email}/{state}", TokenFamily.EMAIL),
    ("/api/v1/products/upsert", TokenFamily.PRODUCTS),
)

_KNOWN_PATHS = tuple(
    (_path_pattern(path), family)
    for path, family in [*((e.path, e.family) for e in KNOWN_ENDPOINTS), *ALTERNATIVE_PATHS]
)


def family_of_path(path: str) -> TokenFamily | None:
    """The token family a known endpoint path belongs to, or None for a path not listed here.

    Templated paths count too: ``/v1/customers/redact/a@x.com`` is API_EMAIL's.
    """
    bare = path.split("?", 1)[0].rstrip("/")
    return next((family for pattern, family in _KNOWN_PATHS if pattern.fullmatch(bare)), None)


class Availability(str, enum.Enum):
    """Product availability values the products API accepts (PRODUCT_MODEL.md 2 and 9)."""

    IN_STOCK = "InStock"
    OUT_OF_STOCK = "OutOfStock"
    INVISIBLE = "Invisible"
    DISCONTINUED = "Discontinued"


# Not a Nosto variable: lets `NostoClient.from_env()` trust a private CA (the sandbox's).
CA_FILE_ENV_VAR = "NOSTO_CA_FILE"


# ISO-4217 alphabetic codes (PRODUCT_MODEL.md 2: `price_currency_code` is ISO-4217). The active
# list, plus codes withdrawn since 2018 that merchant catalogs still carry (HRK, CUC, SLL, ZWL, ANG,
# VEF, MRO, STD): the check exists to catch typos such as "EUD", not to police old data.
CURRENCY_CODES: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS
    INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD
    OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL
    SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI
    UYU UYW UZS VED VEF VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF
    XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL
    """.split()
)
