/** @odoo-module */

import { PortalHomeCounters } from "@portal/js/portal";

/**
 * Odoo's Sales shows "Your Orders" on every portal home, even with none.
 * Families order only paid tickets, so the card shows when they have an order.
 */
PortalHomeCounters.include({
    /**
     * @override
     */
    _getCountersAlwaysDisplayed() {
        return this._super(...arguments).filter((counter) => counter !== "order_count");
    },
});
