import { registry } from "@web/core/registry";

// A parent writes to the office from the contact page, on a phone (the test sets the viewport).
registry.category("web_tour.tours").add("mazpulki_contactus", {
    url: "/contactus",
    steps: () => [
        {
            content: "The office's own address, not Odoo's sample company",
            trigger: ".o_mazpulki_office:contains('Kalnciema iela 2')",
        },
        { trigger: "#contactus_form input[name='contact_name']", run: "edit Laura Tūre" },
        { trigger: "#contactus_form input[name='phone']", run: "edit +371 26114455" },
        { trigger: "#contactus_form input[name='email_from']", run: "edit laura.ture@example.lv" },
        { trigger: "#contactus_form input[name='name']", run: "edit Nometne ar diētu" },
        {
            trigger: "#contactus_form textarea[name='description']",
            run: "edit Vai nometnē var ēst bez glutēna? Meita piedalīsies pirmo reizi.",
        },
        {
            content: "Send",
            trigger: "#contactus_form .s_website_form_send",
            run: "click",
        },
        {
            content: "The office's thank-you page",
            trigger: ".o_mazpulki_contactus_thanks h1",
        },
    ],
});
