import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";

/**
 * The client action "mazpulki_download": download a file and close the dialog.
 *
 * Odoo's ``ir.actions.act_url`` with the target "download" starts the
 * download but leaves the wizard open behind it, so the user wonders whether
 * anything happened. An export wizard returns
 * ``{"type": "ir.actions.client", "tag": "mazpulki_download", "params": {"url": ...}}``
 * instead: the browser downloads the file (the page stays, the response is an
 * attachment) and the wizard closes.
 */
export function mazpulkiDownloadAction(env, action) {
    browser.location.assign(action.params.url);
    return { type: "ir.actions.act_window_close" };
}

registry.category("actions").add("mazpulki_download", mazpulkiDownloadAction);
