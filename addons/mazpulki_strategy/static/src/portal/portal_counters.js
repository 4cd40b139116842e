/** @odoo-module */

import { PortalHomeCounters } from "@portal/js/portal";

/**
 * Odoo's Invoicing shows "Your Invoices" on every portal home, even with none.
 * Members and their families are billed only for paid tickets, so the card
 * shows when they have an invoice, like the suite's own cards.
 */
PortalHomeCounters.include({
    /**
     * @override
     */
    _getCountersAlwaysDisplayed() {
        return this._super(...arguments).filter((counter) => counter !== "invoice_count");
    },
});
