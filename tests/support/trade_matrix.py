"""The trade permission matrix (issue 21): every trade query and mutation, and every door through which the
trade channel could show, by role. Run by tests/marketplace/trade/test_trade_permission_matrix.py; the
management matrix (tests/marketplace/management/test_permission_matrix.py) counts these mutations as
classified.

Roles: anonymous, a retail buyer, a trade account waiting for verification, a verified trade account (the
target side's buyer), a member of artisan A acting on B's objects, on A's, a curator, an admin.
Outcomes: ok (no error), denied (PERMISSION_DENIED), hidden (the trade channel does not exist for the
caller: NOT_FOUND, absent or null), refused (a payload error: the operation is not this role's to do),
none (a read that gives nothing: null)."""

from __future__ import annotations

ROLES = ["anonymous", "buyer", "trade_pending", "trade_verified", "member_a_on_b", "member_a_on_a", "curator",
         "admin"]
M = "storefront/graphql/marketplace/"
T = "tests/marketplace/trade/graphql/marketplace/"
C = T  # the retail API's doors, asked about the trade channel

# operation: (document, outcome per role in ROLES order)
TRADE_MATRIX: dict[str, tuple[str, ...]] = {
    # The trade channel through the retail API.
    "products": (C + "TradeChannelProducts.graphql", "hidden", "hidden", "hidden", "ok", "hidden", "hidden", "ok",
                 "ok"),
    "channel": (C + "TradeChannel.graphql", "hidden", "hidden", "hidden", "ok", "hidden", "hidden", "ok", "ok"),
    # `channels` is staff-only as on Saleor (an artisan's members read it, without the trade channel); visitors
    # read the markets.
    "channels": (C + "Channels.graphql", "denied", "denied", "denied", "denied", "hidden", "hidden", "ok", "ok"),
    "markets": (C + "Markets.graphql", "hidden", "hidden", "hidden", "ok", "hidden", "hidden", "ok", "ok"),
    "priceSuggestions": (C + "TradePriceSuggestions.graphql",
                         "hidden", "hidden", "hidden", "ok", "hidden", "hidden", "ok", "ok"),
    "checkoutCreate": (C + "TradeCheckoutCreate.graphql",
                       "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden"),
    # Trade reads.
    "tradeAccount": (M + "TradeAccount.graphql", "none", "none", "ok", "ok", "none", "none", "none", "none"),
    "tradeAccounts": (M + "TradeAccounts.graphql", "denied", "denied", "denied", "denied", "denied", "denied", "ok",
                      "ok"),
    "tradeProducts": (M + "TradeProducts.graphql", "hidden", "hidden", "hidden", "ok", "hidden", "hidden", "ok", "ok"),
    "tradeCart": (M + "TradeCart.graphql", "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeOrders": (M + "TradeOrders.graphql", "denied", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    "tradeOrder": (M + "TradeOrder.graphql", "none", "none", "none", "ok", "none", "ok", "none", "ok"),
    "tradeQuotes": (M + "TradeQuotes.graphql", "denied", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    "tradeLineSheet": (M + "TradeLineSheet.graphql", "denied", "hidden", "hidden", "ok", "hidden", "hidden", "ok",
                       "ok"),
    "artisanTrade": (M + "ArtisanTrade.graphql", "denied", "denied", "denied", "denied", "denied", "ok", "ok", "ok"),
    # Buyers' mutations: verified trade accounts only (applying: anyone signed in who is not verified yet).
    "tradeAccountApply": (M + "TradeAccountApply.graphql", "denied", "ok", "ok", "refused", "ok", "ok", "ok", "ok"),
    "tradeCartLinesAdd": (M + "TradeCartLinesAdd.graphql",
                          "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeCartLinesUpdate": (M + "TradeCartLinesUpdate.graphql",
                             "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeCartLinesDelete": (M + "TradeCartLinesDelete.graphql",
                             "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeOrderFormUpload": (M + "TradeOrderFormUpload.graphql",
                             "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeOrderCreate": (M + "TradeOrderCreate.graphql",
                         "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeQuoteRequest": (M + "TradeQuoteRequest.graphql",
                          "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    "tradeQuoteAccept": (M + "TradeQuoteAccept.graphql",
                         "denied", "denied", "denied", "ok", "denied", "denied", "denied", "denied"),
    # Artisans' mutations: its members for their own artisan; curators and admins for any.
    "artisanTradeTermsUpdate": (M + "ArtisanTradeTermsUpdate.graphql",
                                "denied", "denied", "denied", "denied", "denied", "ok", "ok", "ok"),
    "tradeProductOfferUpdate": (M + "TradeProductOfferUpdate.graphql",
                                "denied", "denied", "denied", "denied", "denied", "ok", "ok", "ok"),
    "tradeVariantTermsUpdate": (M + "TradeVariantTermsUpdate.graphql",
                                "denied", "denied", "denied", "denied", "denied", "ok", "ok", "ok"),
    "tradeQuoteAnswer": (M + "TradeQuoteAnswer.graphql", "denied", "denied", "denied", "denied", "denied", "ok", "ok",
                         "ok"),
    # The ministry verifies accounts; the back office (MANAGE_ORDERS) records payments, not curators.
    "tradeAccountApprove": (M + "TradeAccountApprove.graphql",
                            "denied", "denied", "denied", "denied", "denied", "denied", "ok", "ok"),
    "tradeAccountReject": (M + "TradeAccountReject.graphql",
                           "denied", "denied", "denied", "denied", "denied", "denied", "ok", "ok"),
    "tradeAccountTrustedUpdate": (M + "TradeAccountTrustedUpdate.graphql",
                                  "denied", "denied", "denied", "denied", "denied", "denied", "ok", "ok"),
    "tradeOrderPaymentRecord": (T + "TradeOrderPaymentRecord.graphql",
                                "denied", "denied", "denied", "denied", "denied", "denied", "denied", "ok"),
}
