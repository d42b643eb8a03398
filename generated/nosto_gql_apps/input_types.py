from collections.abc import Sequence
from typing import Optional

from pydantic import ConfigDict, Field

from nosto_gql.scalars import LocalDateTime

from .base_model import BaseModel
from .enums import (
    AnalyticEventType,
    ImageVersionType,
    InteractionEventType,
    ProductSortField,
    RefType,
)


class InputRecommenderParams(BaseModel):
    """Size limits, filters and variation for one recommender call."""

    model_config = ConfigDict(extra="forbid")
    min_products: Optional[int] = Field(serialization_alias="minProducts", default=None)
    "Fewest products wanted."
    max_products: Optional[int] = Field(serialization_alias="maxProducts", default=None)
    "Most products wanted."
    include: Optional["InputIncludeParams"] = None
    "Only products matching these conditions."
    exclude: Optional["InputFilterParams"] = None
    "Leave out products matching these conditions."
    variant_id: Optional[str] = Field(serialization_alias="variantId", default=None)
    "Nosto variation (currency / customer group) to price products in."
    show_related_products: Optional[bool] = Field(
        serialization_alias="showRelatedProducts", default=None
    )
    "History recommender: also return products related to the history."
    skip_products_in_cart: Optional[bool] = Field(
        serialization_alias="skipProductsInCart", default=None
    )
    "History recommender: leave out products already in the cart."
    skip_bought_products: Optional[bool] = Field(
        serialization_alias="skipBoughtProducts", default=None
    )
    "History recommender: leave out products already bought."


class InputIncludeParams(BaseModel):
    """Conditions a product must meet to be included."""

    model_config = ConfigDict(extra="forbid")
    brands: Optional[Sequence[Optional[str]]] = None
    "Brands to match."
    categories: Optional[Sequence[Optional[str]]] = None
    "Categories to match."
    custom_fields: Optional[Sequence[Optional["InputAttributeParams"]]] = Field(
        serialization_alias="customFields", default=None
    )
    "Custom attributes to match."
    discounted: Optional[bool] = None
    "Match on discounted state."
    fresh: Optional[bool] = None
    "Only new products."
    price: Optional["InputPriceParams"] = None
    "Price range."
    product_ids: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="productIds", default=None
    )
    "Specific product ids."
    rating: Optional[float] = None
    "Minimum rating."
    reviews: Optional[int] = None
    "Minimum number of reviews."
    search: Optional[str] = None
    "Free-text search over products."
    stock: Optional["InputStockParams"] = None
    "Stock-level range."
    tags_1: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags1", default=None
    )
    "First tag set to match."
    tags_2: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags2", default=None
    )
    "Second tag set to match."
    tags_3: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags3", default=None
    )
    "Third tag set to match."


class InputFilterParams(BaseModel):
    """Conditions that exclude a product."""

    model_config = ConfigDict(extra="forbid")
    brands: Optional[Sequence[Optional[str]]] = None
    "Brands to leave out."
    categories: Optional[Sequence[Optional[str]]] = None
    "Categories to leave out."
    custom_fields: Optional[Sequence[Optional["InputAttributeParams"]]] = Field(
        serialization_alias="customFields", default=None
    )
    "Custom attributes to leave out."
    discounted: Optional[bool] = None
    "When true, leave out discounted products."
    product_ids: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="productIds", default=None
    )
    "Specific product ids to leave out."
    search: Optional[str] = None
    "Free-text search; matching products are left out."
    tags_1: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags1", default=None
    )
    "First tag set to leave out."
    tags_2: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags2", default=None
    )
    "Second tag set to leave out."
    tags_3: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="tags3", default=None
    )
    "Third tag set to leave out."


class InputAttributeParams(BaseModel):
    """A custom product attribute and acceptable values."""

    model_config = ConfigDict(extra="forbid")
    attribute: Optional[str] = None
    "Attribute name, e.g. color."
    values: Optional[Sequence[Optional[str]]] = None
    'Values of the attribute, e.g. ["white"].'


class InputPriceParams(BaseModel):
    """A price range."""

    model_config = ConfigDict(extra="forbid")
    max: Optional[float] = None
    "Upper bound."
    min: Optional[float] = None
    "Lower bound."


class InputStockParams(BaseModel):
    """A stock-level range."""

    model_config = ConfigDict(extra="forbid")
    max: Optional[int] = None
    "Upper bound."
    min: Optional[int] = None
    "Lower bound."


class InputPageParams(BaseModel):
    """Options shared by all `PageRequestEntity` fields. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    is_preview: Optional[bool] = Field(serialization_alias="isPreview", default=None)
    "When true, results do not count towards statistics or relations."
    image_version: Optional[ImageVersionType] = Field(
        serialization_alias="imageVersion", default=None
    )
    "Image version for all returned products."
    slot_ids: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="slotIds", default=None
    )
    "Only return the slots with these ids."
    variant_id: Optional[str] = Field(serialization_alias="variantId", default=None)
    "Nosto variation (currency or customer group, e.g. EUR, WHOLESALE)."


class InputProductSort(BaseModel):
    """Sort order for the catalog listing. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    field: Optional[ProductSortField] = None
    "Field to sort by."
    reverse: Optional[bool] = None
    "When true, sort descending."


class InputProductFilter(BaseModel):
    """Filter for the catalog listing. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    categories: Optional[Sequence[Optional[str]]] = None
    "Only products in these categories."


class InputSessionParams(BaseModel):
    """What to apply to a session in updateSession."""

    model_config = ConfigDict(extra="forbid")
    cart: Optional["InputCart"] = None
    "The complete current cart; omit when empty."
    customer: Optional["InputCustomerInfoEntity"] = None
    "The logged-in customer; omit when nobody is logged in."
    event: Optional["InputEvent"] = None
    "The interaction that caused this call."
    skip_events: Optional[bool] = Field(serialization_alias="skipEvents", default=None)
    "When true, no page-view event is recorded (e.g. add-to-cart without\nnavigation); cart/customer are still applied."


class InputCart(BaseModel):
    """The cart's contents."""

    model_config = ConfigDict(extra="forbid")
    items: Optional[Sequence[Optional["InputItem"]]] = None
    "All line items (the full cart, not just changes)."


class InputItem(BaseModel):
    """A cart or order line item."""

    model_config = ConfigDict(extra="forbid")
    product_id: Optional[str] = Field(serialization_alias="productId", default=None)
    "Parent product id (must match the catalog)."
    sku_id: Optional[str] = Field(serialization_alias="skuId", default=None)
    "Variant id."
    name: Optional[str] = None
    "Name of the variant; used in abandoned-cart e-mails."
    unit_price: Optional[float] = Field(serialization_alias="unitPrice", default=None)
    "Price of one unit."
    price_currency_code: Optional[str] = Field(
        serialization_alias="priceCurrencyCode", default=None
    )
    "Currency of unitPrice, e.g. EUR."
    quantity: Optional[int] = None
    "Number of units."


class InputCustomerInfoEntity(BaseModel):
    """Personal details of the current customer."""

    model_config = ConfigDict(extra="forbid")
    customer_reference: Optional[str] = Field(
        serialization_alias="customerReference", default=None
    )
    "Non-guessable merchant-side customer reference used to merge sessions."
    email: Optional[str] = None
    "E-mail address."
    first_name: Optional[str] = Field(serialization_alias="firstName", default=None)
    "First name."
    last_name: Optional[str] = Field(serialization_alias="lastName", default=None)
    "Last name."
    marketing_permission: Optional[bool] = Field(
        serialization_alias="marketingPermission", default=None
    )
    "Whether the customer consented to e-mail marketing."
    do_not_track: Optional[bool] = Field(serialization_alias="doNotTrack", default=None)
    "Whether the visitor asked not to be tracked."


class InputEvent(BaseModel):
    """The interaction being reported."""

    model_config = ConfigDict(extra="forbid")
    type_: Optional[InteractionEventType] = Field(
        serialization_alias="type", default=None
    )
    "Kind of interaction."
    target: Optional[str] = None
    "Product id, category path, search term or page URL."
    target_fragment: Optional[str] = Field(
        serialization_alias="targetFragment", default=None
    )
    "Variant (SKU) id selected on a product page."
    ref: Optional[str] = None
    "resultId of the recommendation or listing that led here (attribution)."
    ref_type: Optional[RefType] = Field(serialization_alias="refType", default=None)
    "What kind of result `ref` refers to."


class InputPlaceOrderParams(BaseModel):
    """Payload of placeOrder. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    customer: Optional["InputCustomerInfoEntity"] = None
    "The buyer."
    order: Optional["InputOrder"] = None
    "The order."


class InputOrder(BaseModel):
    """An order being placed. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    number: Optional[str] = None
    "Unique order number."
    order_status: Optional[str] = Field(serialization_alias="orderStatus", default=None)
    "Initial status, e.g. paid."
    payment_provider: Optional[str] = Field(
        serialization_alias="paymentProvider", default=None
    )
    "Payment provider, e.g. klarna."
    ref: Optional[str] = None
    "External order reference."
    purchased_items: Optional[Sequence[Optional["InputItem"]]] = Field(
        serialization_alias="purchasedItems", default=None
    )
    "Purchased line items."


class InputOrderStatusParams(BaseModel):
    """A status change for updateStatus. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    order_status: Optional[str] = Field(serialization_alias="orderStatus", default=None)
    "New status, e.g. fraud."
    payment_provider: Optional[str] = Field(
        serialization_alias="paymentProvider", default=None
    )
    "Payment provider."
    status_date: Optional[LocalDateTime] = Field(
        serialization_alias="statusDate", default=None
    )
    "When the change happened (no time zone)."


class InputIdentity(BaseModel):
    """An identity to upsert. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    email: Optional[str] = None
    "E-mail address that identifies the identity."
    attributes: Optional[Sequence[Optional["InputIdentityAttribute"]]] = None
    "Attributes to set (overwriting same-named ones)."


class InputIdentityAttribute(BaseModel):
    """A named identity attribute. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    name: Optional[str] = None
    "Attribute name."
    value: Optional[str] = None
    "Attribute value."


class InputProduct(BaseModel):
    """A product update. Only fields seen in sources are listed. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    product_id: Optional[str] = Field(serialization_alias="productId", default=None)
    "Product id of the product to update."
    url: Optional[str] = None
    "Product page URL."
    image_url: Optional[str] = Field(serialization_alias="imageUrl", default=None)
    "Main image URL."
    price_currency_code: Optional[str] = Field(
        serialization_alias="priceCurrencyCode", default=None
    )
    "Currency of the prices."
    price: Optional[float] = None
    "Price."
    skus: Optional[Sequence[Optional["InputSku"]]] = None
    "Variants."
    ugc_images: Optional[Sequence[Optional["InputUgcImage"]]] = Field(
        serialization_alias="ugcImages", default=None
    )
    "User-generated-content images. Seen only in an older revision of the docs\n(when the mutation was a UGC-only beta); may be obsolete."


class InputSku(BaseModel):
    """A product variant in a product update. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    id: Optional[str] = None
    "Variant id."
    name: Optional[str] = None
    "Variant name."
    availability: Optional[str] = None
    "Stock state, e.g. InStock."
    price: Optional[float] = None
    "Variant price."
    list_price: Optional[float] = Field(serialization_alias="listPrice", default=None)
    "Variant price before discount."
    image_url: Optional[str] = Field(serialization_alias="imageUrl", default=None)
    "Variant image URL."


class InputUgcImage(BaseModel):
    """A user-generated-content image. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    url: Optional[str] = None
    "Image URL."


class InputVendorCategoryEntity(BaseModel):
    """A category to create or update."""

    model_config = ConfigDict(extra="forbid")
    id: Optional[str] = None
    "Category id; an unknown id creates a new category."
    name: Optional[str] = None
    "Display name."
    parent_id: Optional[str] = Field(serialization_alias="parentId", default=None)
    "Id of the parent category."
    url_path: Optional[str] = Field(serialization_alias="urlPath", default=None)
    "Path used to build the category URL."
    url: Optional[str] = None
    "Storefront URL of the category."
    full_name: Optional[str] = Field(serialization_alias="fullName", default=None)
    "Names of the whole hierarchy, e.g. /Mens/Shoes."
    available: Optional[bool] = None
    "Whether the category is visible; false soft-deletes it."


class InputRecordAnalyticsEventParams(BaseModel):
    """One analytics event. Exactly one of the four payload fields should be set,
    matching `type`."""

    model_config = ConfigDict(extra="forbid")
    type_: Optional[AnalyticEventType] = Field(serialization_alias="type", default=None)
    "SEARCH for search/autocomplete events, CATEGORY for listing events."
    timestamp: Optional[str] = None
    "When the event happened, ISO-8601 text."
    search_impression: Optional["InputSearchImpressionInputEntity"] = Field(
        serialization_alias="searchImpression", default=None
    )
    "A search-result page was shown."
    search_click: Optional["InputSearchClickInputEntity"] = Field(
        serialization_alias="searchClick", default=None
    )
    "A product in search results was clicked."
    category_impression: Optional["InputCategoryImpressionInputEntity"] = Field(
        serialization_alias="categoryImpression", default=None
    )
    "A category listing page was shown."
    category_click: Optional["InputCategoryClickInputEntity"] = Field(
        serialization_alias="categoryClick", default=None
    )
    "A product in a category listing was clicked."


class InputSearchImpressionInputEntity(BaseModel):
    """A search impression. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    metadata: Optional["InputSearchEventMetadataInputEntity"] = None
    "Describes the search that produced the results."
    page: Optional[int] = None
    "1-based page number shown."
    product_ids: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="productIds", default=None
    )
    "Product ids shown on the page."
    properties: Optional["InputAnalyticEventPropertiesInputEntity"] = None
    "A/B test attribution."


class InputSearchClickInputEntity(BaseModel):
    """A click on a search result. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    metadata: Optional["InputSearchEventMetadataInputEntity"] = None
    "Same metadata as the impression it belongs to."
    product_id: Optional[str] = Field(serialization_alias="productId", default=None)
    "Id of the clicked product."
    properties: Optional["InputAnalyticEventPropertiesInputEntity"] = None
    "A/B test attribution."


class InputCategoryImpressionInputEntity(BaseModel):
    """A category-listing impression. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    metadata: Optional["InputCategoryEventMetadataInputEntity"] = None
    "Identifies the category."
    page: Optional[int] = None
    "1-based page number shown."
    product_ids: Optional[Sequence[Optional[str]]] = Field(
        serialization_alias="productIds", default=None
    )
    "Product ids shown on the page."
    properties: Optional["InputAnalyticEventPropertiesInputEntity"] = None
    "A/B test attribution."


class InputCategoryClickInputEntity(BaseModel):
    """A click in a category listing. (name inferred)"""

    model_config = ConfigDict(extra="forbid")
    metadata: Optional["InputCategoryEventMetadataInputEntity"] = None
    "Identifies the category."
    product_id: Optional[str] = Field(serialization_alias="productId", default=None)
    "Id of the clicked product."
    properties: Optional["InputAnalyticEventPropertiesInputEntity"] = None
    "A/B test attribution."


class InputSearchEventMetadataInputEntity(BaseModel):
    """Describes one search interaction for analytics."""

    model_config = ConfigDict(extra="forbid")
    query: Optional[str] = None
    "The query the user entered."
    result_id: Optional[str] = Field(serialization_alias="resultId", default=None)
    "Unique id of this search interaction (a UUID is suitable)."
    organic: Optional[bool] = None
    "True when the search came from the user on the site, false for e.g. ad links."
    auto_correct: Optional[bool] = Field(
        serialization_alias="autoCorrect", default=None
    )
    "True when the search needed typo tolerance (the search API's `fuzzy`)."
    auto_complete: Optional[bool] = Field(
        serialization_alias="autoComplete", default=None
    )
    "True for autocomplete requests."
    keyword: Optional[bool] = None
    "True when keyword suggestions were requested or clicked."
    sorted: Optional[bool] = None
    "True when sorted by anything other than relevance."
    has_results: Optional[bool] = Field(serialization_alias="hasResults", default=None)
    "True when the search returned at least one product."
    refined: Optional[bool] = None
    "True when the user changed the query since the previous search."
    refined_query: Optional[str] = Field(
        serialization_alias="refinedQuery", default=None
    )
    "The previous query when `refined` is true."
    search_type: Optional[str] = Field(serialization_alias="searchType", default=None)
    'Search type reported by the search API (e.g. keyword); SDK default "unknown".'
    search_type_reason: Optional[str] = Field(
        serialization_alias="searchTypeReason", default=None
    )
    'Reason for the search type; SDK default "unknown".'


class InputCategoryEventMetadataInputEntity(BaseModel):
    """Identifies a category for analytics; at least one field is needed."""

    model_config = ConfigDict(extra="forbid")
    category: Optional[str] = None
    "Human-readable category path (the search API's categoryPath)."
    category_id: Optional[str] = Field(serialization_alias="categoryId", default=None)
    "Machine-readable category id (the search API's categoryId)."


class InputAnalyticEventPropertiesInputEntity(BaseModel):
    """Extra properties of an analytics event."""

    model_config = ConfigDict(extra="forbid")
    ab_test_attribution: Optional[Sequence[Optional["InputKeyValuePairInput"]]] = Field(
        serialization_alias="abTestAttribution", default=None
    )
    "A/B tests applied to the search: key = test id, value = variation id."


class InputKeyValuePairInput(BaseModel):
    """A generic key/value pair."""

    model_config = ConfigDict(extra="forbid")
    key: Optional[str] = None
    "Key, e.g. an A/B test id."
    value: Optional[str] = None
    "Value, e.g. a variation id."


InputRecommenderParams.model_rebuild()
InputIncludeParams.model_rebuild()
InputFilterParams.model_rebuild()
InputSessionParams.model_rebuild()
InputCart.model_rebuild()
InputPlaceOrderParams.model_rebuild()
InputOrder.model_rebuild()
InputIdentity.model_rebuild()
InputProduct.model_rebuild()
InputRecordAnalyticsEventParams.model_rebuild()
InputSearchImpressionInputEntity.model_rebuild()
InputSearchClickInputEntity.model_rebuild()
InputCategoryImpressionInputEntity.model_rebuild()
InputCategoryClickInputEntity.model_rebuild()
InputAnalyticEventPropertiesInputEntity.model_rebuild()
