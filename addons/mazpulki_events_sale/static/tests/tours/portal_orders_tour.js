import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_portal_no_orders", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home has counted the documents",
            trigger: ".o_portal_my_home:not(:has(.o_portal_doc_spinner))",
        },
        {
            content: "The always-shown security card shows",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/security']",
        },
        {
            content: "No order: no orders card",
            trigger: ".o_portal_my_home:not(:has(.o_portal_index_card:not(.d-none) a[href^='/my/orders']))",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_portal_orders", {
    url: "/my",
    steps: () => [
        {
            content: "An order: the orders card shows",
            trigger: ".o_portal_index_card:not(.d-none) a[href^='/my/orders']",
        },
    ],
});
