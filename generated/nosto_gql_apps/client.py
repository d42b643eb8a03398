from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional, Union

from nosto_gql.scalars import LocalDateTime

from .base_client import NostoBaseClient
from .base_model import UNSET

if TYPE_CHECKING:
    from .all_segments import AllSegments
    from .base_model import UnsetType
    from .cart_page_recommendations import CartPageRecommendations
    from .category_merchandising import CategoryMerchandising
    from .category_merchandising_click import CategoryMerchandisingClick
    from .category_page_recommendations import CategoryPageRecommendations
    from .enums import (
        CurrencyParams,
        ImageVersionType,
        LookupParams,
        RefType,
        RelationModeEntity,
        ScoringModeType,
    )
    from .front_page_recommendations import FrontPageRecommendations
    from .general_layout_recommendations import GeneralLayoutRecommendations
    from .identity_by_email import IdentityByEmail
    from .identity_recommendations import IdentityRecommendations
    from .input_types import (
        InputCart,
        InputCategoryEventMetadataInputEntity,
        InputCustomerInfoEntity,
        InputFilterParams,
        InputIdentityAttribute,
        InputIncludeParams,
        InputItem,
        InputKeyValuePairInput,
        InputOrder,
        InputPageParams,
        InputProduct,
        InputProductFilter,
        InputProductSort,
        InputRecommenderParams,
        InputRecordAnalyticsEventParams,
        InputSearchEventMetadataInputEntity,
        InputSessionParams,
        InputVendorCategoryEntity,
    )
    from .landing_page_recommendations import LandingPageRecommendations
    from .list_products import ListProducts
    from .live_products import LiveProducts
    from .new_session import NewSession
    from .not_found_page_recommendations import NotFoundPageRecommendations
    from .order_by_id import OrderById
    from .order_page_recommendations import OrderPageRecommendations
    from .order_recommendations import OrderRecommendations
    from .other_page_recommendations import OtherPageRecommendations
    from .place_order import PlaceOrder
    from .place_order_with_recommendations import PlaceOrderWithRecommendations
    from .product_by_id import ProductById
    from .product_page_recommendations import ProductPageRecommendations
    from .random_products import RandomProducts
    from .recently_viewed import RecentlyViewed
    from .record_analytics_event import RecordAnalyticsEvent
    from .record_category_click import RecordCategoryClick
    from .record_category_impression import RecordCategoryImpression
    from .record_search_click import RecordSearchClick
    from .record_search_impression import RecordSearchImpression
    from .related_products import RelatedProducts
    from .search_page_recommendations import SearchPageRecommendations
    from .search_products import SearchProducts
    from .session_details import SessionDetails
    from .session_segments import SessionSegments
    from .toplist import Toplist
    from .update_order_status import UpdateOrderStatus
    from .update_products import UpdateProducts
    from .update_session import UpdateSession
    from .upsert_categories import UpsertCategories
    from .upsert_identity import UpsertIdentity


def gql(q: str) -> str:
    return q


class AppsClient(NostoBaseClient):
    def record_search_impression(
        self,
        id: str,
        page: int,
        product_ids: Sequence[str],
        metadata: "InputSearchEventMetadataInputEntity",
        timestamp: str,
        ab_test_attribution: Union[
            Optional[Sequence["InputKeyValuePairInput"]], "UnsetType"
        ] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecordSearchImpression":
        """
        Record that a page of search results was shown: `page` (1-based), the `product_ids` shown,
        and `metadata` describing the search (InputSearchEventMetadataInputEntity: query, result_id,
        organic, has_results, sorted, refined...).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .record_search_impression import RecordSearchImpression

        query = gql("""
            mutation RecordSearchImpression($id: String!, $page: Int!, $productIds: [String]!, $metadata: InputSearchEventMetadataInputEntity!, $timestamp: String!, $abTestAttribution: [InputKeyValuePairInput!], $by: LookupParams = BY_CID) {
              recordAnalyticsEvent(
                id: $id
                by: $by
                params: {type: SEARCH, timestamp: $timestamp, searchImpression: {page: $page, productIds: $productIds, metadata: $metadata, properties: {abTestAttribution: $abTestAttribution}}}
              ) {
                message
                errors {
                  ...ValidationProblem
                }
              }
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "page": page,
            "productIds": product_ids,
            "metadata": metadata,
            "timestamp": timestamp,
            "abTestAttribution": ab_test_attribution,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="RecordSearchImpression", variables=variables
        )
        return self.parse_result(RecordSearchImpression, response)

    def record_search_click(
        self,
        id: str,
        product_id: str,
        metadata: "InputSearchEventMetadataInputEntity",
        timestamp: str,
        ab_test_attribution: Union[
            Optional[Sequence["InputKeyValuePairInput"]], "UnsetType"
        ] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecordSearchClick":
        """
        Record a click on product `product_id` in search results; `metadata` is the same as for the
        impression it belongs to.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .record_search_click import RecordSearchClick

        query = gql("""
            mutation RecordSearchClick($id: String!, $productId: String!, $metadata: InputSearchEventMetadataInputEntity!, $timestamp: String!, $abTestAttribution: [InputKeyValuePairInput!], $by: LookupParams = BY_CID) {
              recordAnalyticsEvent(
                id: $id
                by: $by
                params: {type: SEARCH, timestamp: $timestamp, searchClick: {productId: $productId, metadata: $metadata, properties: {abTestAttribution: $abTestAttribution}}}
              ) {
                message
                errors {
                  ...ValidationProblem
                }
              }
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "productId": product_id,
            "metadata": metadata,
            "timestamp": timestamp,
            "abTestAttribution": ab_test_attribution,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="RecordSearchClick", variables=variables
        )
        return self.parse_result(RecordSearchClick, response)

    def record_category_impression(
        self,
        id: str,
        page: int,
        product_ids: Sequence[str],
        metadata: "InputCategoryEventMetadataInputEntity",
        timestamp: str,
        ab_test_attribution: Union[
            Optional[Sequence["InputKeyValuePairInput"]], "UnsetType"
        ] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecordCategoryImpression":
        """
        Record that a page of a category listing was shown: `page` (1-based), the `product_ids`
        shown, and `metadata` naming the category (InputCategoryEventMetadataInputEntity: category
        path and/or category_id).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .record_category_impression import RecordCategoryImpression

        query = gql("""
            mutation RecordCategoryImpression($id: String!, $page: Int!, $productIds: [String]!, $metadata: InputCategoryEventMetadataInputEntity!, $timestamp: String!, $abTestAttribution: [InputKeyValuePairInput!], $by: LookupParams = BY_CID) {
              recordAnalyticsEvent(
                id: $id
                by: $by
                params: {type: CATEGORY, timestamp: $timestamp, categoryImpression: {page: $page, productIds: $productIds, metadata: $metadata, properties: {abTestAttribution: $abTestAttribution}}}
              ) {
                message
                errors {
                  ...ValidationProblem
                }
              }
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "page": page,
            "productIds": product_ids,
            "metadata": metadata,
            "timestamp": timestamp,
            "abTestAttribution": ab_test_attribution,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="RecordCategoryImpression", variables=variables
        )
        return self.parse_result(RecordCategoryImpression, response)

    def record_category_click(
        self,
        id: str,
        product_id: str,
        metadata: "InputCategoryEventMetadataInputEntity",
        timestamp: str,
        ab_test_attribution: Union[
            Optional[Sequence["InputKeyValuePairInput"]], "UnsetType"
        ] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecordCategoryClick":
        """
        Record a click on product `product_id` in a category listing; `metadata` names the category.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .record_category_click import RecordCategoryClick

        query = gql("""
            mutation RecordCategoryClick($id: String!, $productId: String!, $metadata: InputCategoryEventMetadataInputEntity!, $timestamp: String!, $abTestAttribution: [InputKeyValuePairInput!], $by: LookupParams = BY_CID) {
              recordAnalyticsEvent(
                id: $id
                by: $by
                params: {type: CATEGORY, timestamp: $timestamp, categoryClick: {productId: $productId, metadata: $metadata, properties: {abTestAttribution: $abTestAttribution}}}
              ) {
                message
                errors {
                  ...ValidationProblem
                }
              }
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "productId": product_id,
            "metadata": metadata,
            "timestamp": timestamp,
            "abTestAttribution": ab_test_attribution,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="RecordCategoryClick", variables=variables
        )
        return self.parse_result(RecordCategoryClick, response)

    def record_analytics_event(
        self,
        id: str,
        params: "InputRecordAnalyticsEventParams",
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecordAnalyticsEvent":
        """
        Record any analytics event given as one InputRecordAnalyticsEventParams (type, timestamp and
        exactly one of search_impression, search_click, category_impression, category_click), e.g.
        when the event is built elsewhere. The specific `record_*` methods are easier to call.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .record_analytics_event import RecordAnalyticsEvent

        query = gql("""
            mutation RecordAnalyticsEvent($id: String!, $params: InputRecordAnalyticsEventParams!, $by: LookupParams = BY_CID) {
              recordAnalyticsEvent(id: $id, by: $by, params: $params) {
                message
                errors {
                  ...ValidationProblem
                }
              }
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {"id": id, "params": params, "by": by}
        response = self.execute(
            query=query, operation_name="RecordAnalyticsEvent", variables=variables
        )
        return self.parse_result(RecordAnalyticsEvent, response)

    def product_by_id(self, id: str) -> "ProductById":
        """
        One catalog product by its product id, with description, images, ratings, tags, custom
        attributes and SKUs. Use it to verify what Nosto holds after an upsert. An unknown id is
        reported as a GraphQL error (GraphQLResponseError, or use `with_errors`).
        """

        from .product_by_id import ProductById

        query = gql("""
            query ProductById($id: String!) {
              product(id: $id) {
                ...ProductSummary
                description
                thumbUrl
                alternateImageUrls
                ratingValue
                reviewCount
                tags1
                tags2
                tags3
                variantId
                attributes {
                  key
                  value
                }
                skus {
                  id
                  name
                  price
                  listPrice
                  availability
                  imageUrl
                  url
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="ProductById", variables=variables
        )
        return self.parse_result(ProductById, response)

    def list_products(
        self,
        limit: int,
        offset: Union[Optional[int], "UnsetType"] = UNSET,
        sort: Union[Optional["InputProductSort"], "UnsetType"] = UNSET,
        filter_: Union[Optional["InputProductFilter"], "UnsetType"] = UNSET,
    ) -> "ListProducts":
        """
        One page of the catalog listing: `limit` products after skipping `offset`, sorted by
        `sort` (e.g. InputProductSort(field=ProductSortField.PRICE, reverse=True)) and restricted by
        `filter_` (e.g. InputProductFilter(categories=["/Shoes"])). A backend/verification tool, not
        for storefront traffic. At most 10 000 products can be reached by paging (offset + limit);
        narrow the filter to see more. `nosto_gql.paging.iter_products` pages through it for you.
        """

        from .list_products import ListProducts

        query = gql("""
            query ListProducts($limit: Int!, $offset: Int, $sort: InputProductSort, $filter: InputProductFilter) {
              products(limit: $limit, offset: $offset, sort: $sort, filter: $filter) {
                products {
                  ...ProductSummary
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }
            """)
        variables: dict[str, object] = {
            "limit": limit,
            "offset": offset,
            "sort": sort,
            "filter": filter_,
        }
        response = self.execute(
            query=query, operation_name="ListProducts", variables=variables
        )
        return self.parse_result(ListProducts, response)

    def update_products(self, products: Sequence["InputProduct"]) -> "UpdateProducts":
        """
        Update catalog products (price, URLs, image, SKUs...); each InputProduct must carry its
        `product_id`. Validation problems are not raised: every submitted product gets one entry in
        `update_products.result`, in order, whose `errors` (field + message) is empty when the
        product was accepted, and whose `data` is the product as stored (or as rejected).
        """

        from .update_products import UpdateProducts

        query = gql("""
            mutation UpdateProducts($products: [InputProduct]!) {
              updateProducts(products: $products) {
                result {
                  errors {
                    ...ValidationProblem
                  }
                  data {
                    ...ProductSummary
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {"products": products}
        response = self.execute(
            query=query, operation_name="UpdateProducts", variables=variables
        )
        return self.parse_result(UpdateProducts, response)

    def upsert_categories(
        self, categories: Sequence["InputVendorCategoryEntity"]
    ) -> "UpsertCategories":
        """
        Create or update categories (id, name, parent, URL path, full name, availability); an
        unknown id creates one and `available=False` soft-deletes one. As with products, problems
        come back per category in `upsert_categories.category_result[i].errors` (empty when
        accepted) next to the category as stored, instead of failing the whole call.
        """

        from .upsert_categories import UpsertCategories

        query = gql("""
            mutation UpsertCategories($categories: [InputVendorCategoryEntity]!) {
              upsertCategories(categories: $categories) {
                categoryResult {
                  errors {
                    ...ValidationProblem
                  }
                  category {
                    ...CategoryDetails
                  }
                }
              }
            }

            fragment CategoryDetails on VendorCategoryEntity {
              id
              name
              parentId
              urlPath
              fullName
              available
            }

            fragment ValidationProblem on ValidationErrorEntity {
              field
              message
            }
            """)
        variables: dict[str, object] = {"categories": categories}
        response = self.execute(
            query=query, operation_name="UpsertCategories", variables=variables
        )
        return self.parse_result(UpsertCategories, response)

    def identity_by_email(self, email: str) -> "IdentityByEmail":
        """
        Look up the identity of an e-mail address and its attributes. An unknown identity is a
        GraphQL error.
        """

        from .identity_by_email import IdentityByEmail

        query = gql("""
            query IdentityByEmail($email: String!) {
              identity(email: $email) {
                ...IdentityDetails
              }
            }

            fragment IdentityDetails on IdentityEntity {
              email
              attributes {
                name
                value
              }
            }
            """)
        variables: dict[str, object] = {"email": email}
        response = self.execute(
            query=query, operation_name="IdentityByEmail", variables=variables
        )
        return self.parse_result(IdentityByEmail, response)

    def upsert_identity(
        self,
        email: str,
        attributes: Union[
            Optional[Sequence["InputIdentityAttribute"]], "UnsetType"
        ] = UNSET,
    ) -> "UpsertIdentity":
        """
        Create the identity of `email`, or update it: `attributes`
        ([InputIdentityAttribute(name=..., value=...)]) overwrite same-named ones and leave the
        others as they were. Returns the identity with all its attributes.
        """

        from .upsert_identity import UpsertIdentity

        query = gql("""
            mutation UpsertIdentity($email: String!, $attributes: [InputIdentityAttribute!]) {
              upsertIdentity(identity: {email: $email, attributes: $attributes}) {
                ...IdentityDetails
              }
            }

            fragment IdentityDetails on IdentityEntity {
              email
              attributes {
                name
                value
              }
            }
            """)
        variables: dict[str, object] = {"email": email, "attributes": attributes}
        response = self.execute(
            query=query, operation_name="UpsertIdentity", variables=variables
        )
        return self.parse_result(UpsertIdentity, response)

    def identity_recommendations(
        self,
        email: str,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "IdentityRecommendations":
        """
        Recommendations from the browsing history of the identity's sessions (the sessions whose
        customer had this e-mail), e.g. for a personalised e-mail. `params` as for any recommender.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .identity_recommendations import IdentityRecommendations

        query = gql("""
            query IdentityRecommendations($email: String!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              identity(email: $email) {
                email
                recos(preview: $preview, image: $image) {
                  history(params: $params) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "email": email,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="IdentityRecommendations", variables=variables
        )
        return self.parse_result(IdentityRecommendations, response)

    def category_merchandising(
        self,
        id: str,
        category: str,
        max_products: Union[Optional[int], "UnsetType"] = UNSET,
        min_products: Union[Optional[int], "UnsetType"] = UNSET,
        skip_pages: Union[Optional[int], "UnsetType"] = UNSET,
        batch_token: Union[Optional[str], "UnsetType"] = UNSET,
        include: Union[Optional["InputIncludeParams"], "UnsetType"] = UNSET,
        exclude: Union[Optional["InputFilterParams"], "UnsetType"] = UNSET,
        skip_vc_event: Union[Optional[bool], "UnsetType"] = UNSET,
        add_attribution_parameters: Union[Optional[bool], "UnsetType"] = UNSET,
        currency: Union[Optional["CurrencyParams"], "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "CategoryMerchandising":
        """
        One page of a category-merchandising listing for the session `id`.
        Paging: pass the previous page's `batch_token` to continue (stop when it is null or the page
        is empty), or `skip_pages` (pages of `max_products`) to jump. Nosto's PHP SDK never asks for
        more than 250 products per call; `nosto_gql.paging.iter_category` loops for you.
        `include` / `exclude` filter the listing (brands, price, tags, custom fields...).
        The call counts as a category view unless `skip_vc_event=True` (send it on every page after
        the first). `add_attribution_parameters=True` appends nosto_source=cmp&nosto=<result_id> to
        product URLs; otherwise send `result_id` as `ref` with ref_type CATEGORY_MERCHANDISING when a
        product is clicked (`category_merchandising_click`). `currency` formats `price_text`.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .category_merchandising import CategoryMerchandising

        query = gql("""
            query CategoryMerchandising($id: String!, $category: String!, $maxProducts: Int, $minProducts: Int, $skipPages: Int, $batchToken: String, $include: InputIncludeParams, $exclude: InputFilterParams, $skipVCEvent: Boolean, $addAttributionParameters: Boolean, $currency: CurrencyParams, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false, $by: LookupParams = BY_CID) {
              session(by: $by, id: $id) {
                id
                recos(
                  preview: $preview
                  image: $image
                  currency: $currency
                  addAttributionParameters: $addAttributionParameters
                ) {
                  category(
                    category: $category
                    minProducts: $minProducts
                    maxProducts: $maxProducts
                    skipPages: $skipPages
                    batchToken: $batchToken
                    include: $include
                    exclude: $exclude
                    skipVCEvent: $skipVCEvent
                  ) {
                    ...MerchandisingPage
                  }
                }
              }
            }

            fragment MerchandisingPage on RecommenderResult {
              resultId
              batchToken
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "category": category,
            "maxProducts": max_products,
            "minProducts": min_products,
            "skipPages": skip_pages,
            "batchToken": batch_token,
            "include": include,
            "exclude": exclude,
            "skipVCEvent": skip_vc_event,
            "addAttributionParameters": add_attribution_parameters,
            "currency": currency,
            "image": image,
            "preview": preview,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="CategoryMerchandising", variables=variables
        )
        return self.parse_result(CategoryMerchandising, response)

    def category_merchandising_click(
        self,
        id: str,
        product_id: str,
        result_id: str,
        sku_id: Union[Optional[str], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "CategoryMerchandisingClick":
        """
        Attribute a product view to a category-merchandising listing (manual attribution): records
        VIEWED_PRODUCT of `product_id` with ref=`result_id` (the listing's result_id) and
        ref_type CATEGORY_MERCHANDISING. Use it when product URLs do not carry attribution
        parameters; `sku_id` is the selected variant, if any.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .category_merchandising_click import CategoryMerchandisingClick

        query = gql("""
            mutation CategoryMerchandisingClick($id: String!, $productId: String!, $resultId: String!, $skuId: String, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PRODUCT, target: $productId, targetFragment: $skuId, ref: $resultId, refType: CATEGORY_MERCHANDISING}}
              ) {
                id
                events {
                  type
                  target
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "productId": product_id,
            "resultId": result_id,
            "skuId": sku_id,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="CategoryMerchandisingClick",
            variables=variables,
        )
        return self.parse_result(CategoryMerchandisingClick, response)

    def place_order(
        self,
        id: str,
        order: "InputOrder",
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "PlaceOrder":
        """
        Record a purchase for the session identified by `by`/`id`: by=BY_CID (default) with the
        Nosto customer id of the visitor's session, or by=BY_REF with your own customer reference.
        `order`: InputOrder(number=..., purchased_items=[InputItem(...)], order_status=...,
        payment_provider=..., ref=<external order reference>); `customer`: the buyer. Returns the
        session's id.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .place_order import PlaceOrder

        query = gql("""
            mutation PlaceOrder($id: String!, $order: InputOrder!, $customer: InputCustomerInfoEntity, $by: LookupParams = BY_CID) {
              placeOrder(by: $by, id: $id, params: {customer: $customer, order: $order}) {
                id
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "order": order,
            "customer": customer,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="PlaceOrder", variables=variables
        )
        return self.parse_result(PlaceOrder, response)

    def place_order_with_recommendations(
        self,
        id: str,
        number: str,
        items: Sequence["InputItem"],
        order_status: Union[Optional[str], "UnsetType"] = UNSET,
        payment_provider: Union[Optional[str], "UnsetType"] = UNSET,
        reference: Union[Optional[str], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "PlaceOrderWithRecommendations":
        """
        Record a purchase (like `place_order`, with the order's fields as arguments) and read the
        order-confirmation page slots for it in the same round trip. `reference` is your external
        order reference; `items` the purchased lines; `page_params` as for other page slots.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .place_order_with_recommendations import PlaceOrderWithRecommendations

        query = gql("""
            mutation PlaceOrderWithRecommendations($id: String!, $number: String!, $items: [InputItem]!, $orderStatus: String, $paymentProvider: String, $reference: String, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              placeOrder(
                by: $by
                id: $id
                params: {customer: $customer, order: {number: $number, orderStatus: $orderStatus, paymentProvider: $paymentProvider, ref: $reference, purchasedItems: $items}}
              ) {
                id
                pages {
                  forOrderPage(value: $number, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "number": number,
            "items": items,
            "orderStatus": order_status,
            "paymentProvider": payment_provider,
            "reference": reference,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="PlaceOrderWithRecommendations",
            variables=variables,
        )
        return self.parse_result(PlaceOrderWithRecommendations, response)

    def order_by_id(self, id: str) -> "OrderById":
        """
        Look up an order sent with `place_order`, by its order number or external reference: its
        lines and its status history (oldest first). An unknown order is a GraphQL error
        (DataFetchingException, "Unable to find order matching identifier").
        """

        from .order_by_id import OrderById

        query = gql("""
            query OrderById($id: String!) {
              order(id: $id) {
                ...OrderDetails
              }
            }

            fragment LineItem on Item {
              productId
              skuId
              name
              unitPrice
              priceCurrencyCode
              quantity
            }

            fragment OrderDetails on OrderEntity {
              number
              reference
              items {
                ...LineItem
              }
              statuses {
                date
                orderStatus
                paymentProvider
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="OrderById", variables=variables
        )
        return self.parse_result(OrderById, response)

    def order_recommendations(
        self,
        id: str,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "OrderRecommendations":
        """
        Cross-sells computed from an order's items (order number or external reference `id`), e.g.
        for a post-purchase e-mail or the order-status page.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .order_recommendations import OrderRecommendations

        query = gql("""
            query OrderRecommendations($id: String!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              order(id: $id) {
                number
                recos(preview: $preview, image: $image) {
                  related(params: $params) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="OrderRecommendations", variables=variables
        )
        return self.parse_result(OrderRecommendations, response)

    def update_order_status(
        self,
        number: str,
        order_status: str,
        status_date: LocalDateTime,
        payment_provider: Union[Optional[str], "UnsetType"] = UNSET,
    ) -> "UpdateOrderStatus":
        """
        Append a status change (e.g. "paid", "shipped", "fraud") to an order Nosto already knows,
        identified by its order `number`. `status_date` is a naive datetime in the shop's local time
        (LocalDateTime, sent without a zone). Returns the order with its whole status history.
        """

        from .update_order_status import UpdateOrderStatus

        query = gql("""
            mutation UpdateOrderStatus($number: String!, $orderStatus: String!, $statusDate: LocalDateTime!, $paymentProvider: String) {
              updateStatus(
                number: $number
                params: {orderStatus: $orderStatus, paymentProvider: $paymentProvider, statusDate: $statusDate}
              ) {
                ...OrderDetails
              }
            }

            fragment LineItem on Item {
              productId
              skuId
              name
              unitPrice
              priceCurrencyCode
              quantity
            }

            fragment OrderDetails on OrderEntity {
              number
              reference
              items {
                ...LineItem
              }
              statuses {
                date
                orderStatus
                paymentProvider
              }
            }
            """)
        variables: dict[str, object] = {
            "number": number,
            "orderStatus": order_status,
            "statusDate": status_date,
            "paymentProvider": payment_provider,
        }
        response = self.execute(
            query=query, operation_name="UpdateOrderStatus", variables=variables
        )
        return self.parse_result(UpdateOrderStatus, response)

    def front_page_recommendations(
        self,
        id: str,
        params: Union[Optional["InputSessionParams"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "FrontPageRecommendations":
        """
        Report a view of the front page (or any event via `params`, InputSessionParams) and read
        the front-page slots for this session. `page_params.slot_ids` restricts the slots returned.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .front_page_recommendations import FrontPageRecommendations

        query = gql("""
            mutation FrontPageRecommendations($id: String!, $params: InputSessionParams, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(by: $by, id: $id, params: $params) {
                id
                pages {
                  forFrontPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "params": params,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="FrontPageRecommendations", variables=variables
        )
        return self.parse_result(FrontPageRecommendations, response)

    def product_page_recommendations(
        self,
        id: str,
        product_id: str,
        ref: Union[Optional[str], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
        sku_id: Union[Optional[str], "UnsetType"] = UNSET,
        ref_type: Union[Optional["RefType"], "UnsetType"] = UNSET,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
    ) -> "ProductPageRecommendations":
        """
        Report a product view (VIEWED_PRODUCT of `product_id`, `sku_id` = the selected variant) and
        read the product-page slots for that product. Attribution: set `ref` to the result_id of the
        slot or listing the visitor clicked to get here, and `ref_type` when Nosto documents one
        (RefType.CATEGORY_MERCHANDISING for a category-merchandising listing).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .product_page_recommendations import ProductPageRecommendations

        query = gql("""
            mutation ProductPageRecommendations($id: String!, $productId: String!, $ref: String, $pageParams: InputPageParams, $by: LookupParams = BY_CID, $skuId: String, $refType: RefType, $cart: InputCart, $customer: InputCustomerInfoEntity) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PRODUCT, target: $productId, targetFragment: $skuId, ref: $ref, refType: $refType}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forProductPage(product: $productId, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "productId": product_id,
            "ref": ref,
            "pageParams": page_params,
            "by": by,
            "skuId": sku_id,
            "refType": ref_type,
            "cart": cart,
            "customer": customer,
        }
        response = self.execute(
            query=query,
            operation_name="ProductPageRecommendations",
            variables=variables,
        )
        return self.parse_result(ProductPageRecommendations, response)

    def category_page_recommendations(
        self,
        id: str,
        category: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "CategoryPageRecommendations":
        """
        Report a category view (VIEWED_CATEGORY; `category` is the full category path as in the
        catalog, e.g. "/Outdoor/Camping") and read the category-page slots for it.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .category_page_recommendations import CategoryPageRecommendations

        query = gql("""
            mutation CategoryPageRecommendations($id: String!, $category: String!, $cart: InputCart, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_CATEGORY, target: $category}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forCategoryPage(category: $category, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "category": category,
            "cart": cart,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="CategoryPageRecommendations",
            variables=variables,
        )
        return self.parse_result(CategoryPageRecommendations, response)

    def search_page_recommendations(
        self,
        id: str,
        term: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "SearchPageRecommendations":
        """
        Report a search (SEARCHED_FOR `term`) and read the search-results page slots for it.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .search_page_recommendations import SearchPageRecommendations

        query = gql("""
            mutation SearchPageRecommendations($id: String!, $term: String!, $cart: InputCart, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: SEARCHED_FOR, target: $term}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forSearchPage(term: $term, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "term": term,
            "cart": cart,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="SearchPageRecommendations", variables=variables
        )
        return self.parse_result(SearchPageRecommendations, response)

    def cart_page_recommendations(
        self,
        id: str,
        url: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        value: Union[Optional[float], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "CartPageRecommendations":
        """
        Report a cart or checkout page view (VIEWED_PAGE of the cart page's `url`), send the full
        `cart`, and read the cart-page slots. `value` is the cart total.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .cart_page_recommendations import CartPageRecommendations

        query = gql("""
            mutation CartPageRecommendations($id: String!, $url: String!, $cart: InputCart, $value: Float, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PAGE, target: $url}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forCartPage(value: $value, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "url": url,
            "cart": cart,
            "value": value,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="CartPageRecommendations", variables=variables
        )
        return self.parse_result(CartPageRecommendations, response)

    def order_page_recommendations(
        self,
        id: str,
        order_number: str,
        url: str,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "OrderPageRecommendations":
        """
        Report a view of the order-confirmation page (VIEWED_PAGE of `url`) and read its slots for
        the order `order_number` (already sent with `place_order`). To place the order and read
        these slots in one call, use `place_order_with_recommendations`.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .order_page_recommendations import OrderPageRecommendations

        query = gql("""
            mutation OrderPageRecommendations($id: String!, $orderNumber: String!, $url: String!, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PAGE, target: $url}}
              ) {
                id
                pages {
                  forOrderPage(value: $orderNumber, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "orderNumber": order_number,
            "url": url,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="OrderPageRecommendations", variables=variables
        )
        return self.parse_result(OrderPageRecommendations, response)

    def not_found_page_recommendations(
        self,
        id: str,
        url: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "NotFoundPageRecommendations":
        """
        Report a view of a 404 page (VIEWED_PAGE of `url`) and read the not-found page slots, e.g.
        popular products instead of a dead end.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .not_found_page_recommendations import NotFoundPageRecommendations

        query = gql("""
            mutation NotFoundPageRecommendations($id: String!, $url: String!, $cart: InputCart, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PAGE, target: $url}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forNotFoundPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "url": url,
            "cart": cart,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="NotFoundPageRecommendations",
            variables=variables,
        )
        return self.parse_result(NotFoundPageRecommendations, response)

    def landing_page_recommendations(
        self,
        id: str,
        url: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "LandingPageRecommendations":
        """
        Report a view of a landing (campaign) page (VIEWED_PAGE of `url`) and read its slots.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .landing_page_recommendations import LandingPageRecommendations

        query = gql("""
            mutation LandingPageRecommendations($id: String!, $url: String!, $cart: InputCart, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PAGE, target: $url}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forLandingPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "url": url,
            "cart": cart,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="LandingPageRecommendations",
            variables=variables,
        )
        return self.parse_result(LandingPageRecommendations, response)

    def general_layout_recommendations(
        self,
        id: str,
        params: Union[Optional["InputSessionParams"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "GeneralLayoutRecommendations":
        """
        Read the general-layout slots (areas shared by every page, such as a mini cart or a
        footer). They accompany whatever page is shown, so the event (if any) comes in `params`,
        e.g. InputSessionParams(skip_events=True, cart=...) to only refresh the cart.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .general_layout_recommendations import GeneralLayoutRecommendations

        query = gql("""
            mutation GeneralLayoutRecommendations($id: String!, $params: InputSessionParams, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(by: $by, id: $id, params: $params) {
                id
                pages {
                  forGeneralLayoutPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "params": params,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query,
            operation_name="GeneralLayoutRecommendations",
            variables=variables,
        )
        return self.parse_result(GeneralLayoutRecommendations, response)

    def other_page_recommendations(
        self,
        id: str,
        url: str,
        cart: Union[Optional["InputCart"], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "OtherPageRecommendations":
        """
        Report a view of any other page type (VIEWED_PAGE of `url`: content pages, store locator,
        account pages...) and read the "other page" slots.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .other_page_recommendations import OtherPageRecommendations

        query = gql("""
            mutation OtherPageRecommendations($id: String!, $url: String!, $cart: InputCart, $customer: InputCustomerInfoEntity, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PAGE, target: $url}, cart: $cart, customer: $customer}
              ) {
                id
                pages {
                  forOtherPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "url": url,
            "cart": cart,
            "customer": customer,
            "pageParams": page_params,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="OtherPageRecommendations", variables=variables
        )
        return self.parse_result(OtherPageRecommendations, response)

    def toplist(
        self,
        hours: int,
        sort: "ScoringModeType",
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "Toplist":
        """
        Best sellers (sort=BUYS) or most viewed products (sort=VIEWS) over the last `hours` hours
        (168 = one week, at most about a month).
        Use for "top sellers" carousels; narrow with `params.include` (e.g. categories=["/Shoes"])
        or `params.exclude`, and size with `params.max_products` (Nosto's default is used otherwise).
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .toplist import Toplist

        query = gql("""
            query Toplist($hours: Int!, $sort: ScoringModeType!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                toplist(hours: $hours, sort: $sort, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "hours": hours,
            "sort": sort,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="Toplist", variables=variables
        )
        return self.parse_result(Toplist, response)

    def related_products(
        self,
        product_ids: Sequence[str],
        relationship: "RelationModeEntity",
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "RelatedProducts":
        """
        Cross-sells for the given products (e.g. the one being viewed, or the cart's contents),
        following `relationship`: VIEWED_TOGETHER, BOUGHT_TOGETHER, VIEWED_TOGETHER_SMART or
        DEFAULT_SUM. The given products themselves are never returned.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .related_products import RelatedProducts

        query = gql("""
            query RelatedProducts($productIds: [String]!, $relationship: RelationModeEntity!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                related(productIds: $productIds, relationship: $relationship, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "productIds": product_ids,
            "relationship": relationship,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="RelatedProducts", variables=variables
        )
        return self.parse_result(RelatedProducts, response)

    def search_products(
        self,
        term: str,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "SearchProducts":
        """
        Products that match a complete search term, e.g. to fill a "no results" page or a
        campaign block. Not meant for autocomplete (Nosto Search is a separate API for that).
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .search_products import SearchProducts

        query = gql("""
            query SearchProducts($term: String!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                search(term: $term, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "term": term,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="SearchProducts", variables=variables
        )
        return self.parse_result(SearchProducts, response)

    def random_products(
        self,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "RandomProducts":
        """
        A random selection of in-stock products, e.g. to fill an empty state or to test a
        template. `params` filters and sizes the pick like any other recommender.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .random_products import RandomProducts

        query = gql("""
            query RandomProducts($params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                random(params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="RandomProducts", variables=variables
        )
        return self.parse_result(RandomProducts, response)

    def live_products(
        self,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "LiveProducts":
        """
        Products being viewed or bought on the store right now, most recent activity first
        ("trending now" / "others are looking at").
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        """

        from .live_products import LiveProducts

        query = gql("""
            query LiveProducts($params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                live(params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = self.execute(
            query=query, operation_name="LiveProducts", variables=variables
        )
        return self.parse_result(LiveProducts, response)

    def all_segments(self) -> "AllSegments":
        """
        Every segment configured on the account, with its id and name, e.g. to map the ids that
        `session_segments` returns to names.
        """

        from .all_segments import AllSegments

        query = gql("""
            query AllSegments {
              segments {
                segments {
                  id
                  name
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="AllSegments", variables=variables
        )
        return self.parse_result(AllSegments, response)

    def session_segments(
        self, id: str, by: Union["LookupParams", "UnsetType"] = UNSET
    ) -> "SessionSegments":
        """
        The ids of the segments a session currently belongs to. An API-only search integration
        reads these and passes them to the Nosto Search API with each search request. Call it from
        the shopper's device where possible: geo segments need the shopper's IP.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .session_segments import SessionSegments

        query = gql("""
            query SessionSegments($id: String!, $by: LookupParams = BY_CID) {
              session(by: $by, id: $id) {
                segments {
                  id
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "by": by}
        response = self.execute(
            query=query, operation_name="SessionSegments", variables=variables
        )
        return self.parse_result(SessionSegments, response)

    def new_session(
        self,
        referer: Union[Optional[str], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
    ) -> "NewSession":
        """
        Start a visitor session and return its Nosto customer id (`.new_session`). Persist it (e.g.
        in a cookie; Nosto's own is `2c.cId`) and send it with later calls; start a new one when it
        lapses (30 minutes after the last activity). `referer` is the visit's referring URL;
        `customer` can carry do_not_track=True for visitors who opted out of tracking.
        """

        from .new_session import NewSession

        query = gql("""
            mutation NewSession($referer: String, $customer: InputCustomerInfoEntity) {
              newSession(referer: $referer, customer: $customer)
            }
            """)
        variables: dict[str, object] = {"referer": referer, "customer": customer}
        response = self.execute(
            query=query, operation_name="NewSession", variables=variables
        )
        return self.parse_result(NewSession, response)

    def update_session(
        self,
        id: str,
        params: Union[Optional["InputSessionParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "UpdateSession":
        """
        Apply an event, the full cart and/or the customer to a session, and read back what Nosto
        now knows about it (cart, customer, and the events this call recorded).
        `params`: InputSessionParams(event=InputEvent(type_=..., target=..., ref=<resultId clicked>,
        ref_type=...), cart=InputCart(items=[...]) (always the full cart; omit when empty),
        customer=InputCustomerInfoEntity(...) (omit for anonymous visitors), skip_events=True for
        cart or customer changes without a page view).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .update_session import UpdateSession

        query = gql("""
            mutation UpdateSession($id: String!, $params: InputSessionParams, $by: LookupParams = BY_CID) {
              updateSession(by: $by, id: $id, params: $params) {
                id
                cart {
                  items {
                    ...LineItem
                  }
                }
                customer {
                  ...CustomerDetails
                }
                events {
                  type
                  target
                }
              }
            }

            fragment CustomerDetails on CustomerInfoEntity {
              customerReference
              email
              firstName
              lastName
              marketingPermission
            }

            fragment LineItem on Item {
              productId
              skuId
              name
              unitPrice
              priceCurrencyCode
              quantity
            }
            """)
        variables: dict[str, object] = {"id": id, "params": params, "by": by}
        response = self.execute(
            query=query, operation_name="UpdateSession", variables=variables
        )
        return self.parse_result(UpdateSession, response)

    def session_details(
        self, id: str, by: Union["LookupParams", "UnsetType"] = UNSET
    ) -> "SessionDetails":
        """
        Look up a live session without changing it (a look-up is not visitor activity): its cart,
        customer and the segments it currently belongs to. An unknown or lapsed session is a
        GraphQL error.
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .session_details import SessionDetails

        query = gql("""
            query SessionDetails($id: String!, $by: LookupParams = BY_CID) {
              session(by: $by, id: $id) {
                id
                cart {
                  items {
                    ...LineItem
                  }
                }
                customer {
                  ...CustomerDetails
                }
                segments {
                  id
                  name
                }
              }
            }

            fragment CustomerDetails on CustomerInfoEntity {
              customerReference
              email
              firstName
              lastName
              marketingPermission
            }

            fragment LineItem on Item {
              productId
              skuId
              name
              unitPrice
              priceCurrencyCode
              quantity
            }
            """)
        variables: dict[str, object] = {"id": id, "by": by}
        response = self.execute(
            query=query, operation_name="SessionDetails", variables=variables
        )
        return self.parse_result(SessionDetails, response)

    def recently_viewed(
        self,
        id: str,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "RecentlyViewed":
        """
        The visitor's browsing history (session `recos.history`), newest first, e.g. for a
        "recently viewed" strip. `params.show_related_products` appends cross-sells of the history;
        `skip_products_in_cart` / `skip_bought_products` leave those out.
        Defaults: image=VERSION_8_400_400, preview=False (True keeps the call out of statistics).
        `by`: BY_CID (default; `id` is a Nosto customer id) or BY_REF (your customer reference).
        """

        from .recently_viewed import RecentlyViewed

        query = gql("""
            query RecentlyViewed($id: String!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false, $by: LookupParams = BY_CID) {
              session(by: $by, id: $id) {
                id
                recos(preview: $preview, image: $image) {
                  history(params: $params) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "params": params,
            "image": image,
            "preview": preview,
            "by": by,
        }
        response = self.execute(
            query=query, operation_name="RecentlyViewed", variables=variables
        )
        return self.parse_result(RecentlyViewed, response)
