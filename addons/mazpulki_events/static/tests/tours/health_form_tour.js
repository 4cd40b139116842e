import { registry } from "@web/core/registry";

// A mother fills in her daughter's health information for a camp on her phone: the list on /my, the form,
// one required contact forgotten (the server says so), then saved.
registry.category("web_tour.tours").add("mazpulki_events_health_form", {
    steps: () => [
        {
            content: "Her daughter's camp waits for the health information",
            trigger: ".o_mazpulki_health_list a:contains(Madara Liepiņa)",
            run: "click",
        },
        {
            content: "Allergies",
            trigger: "textarea[name=allergies]",
            run: "edit Zemesrieksti, EpiPen somā",
        },
        { content: "Diet", trigger: "textarea[name=diet]", run: "edit Bez laktozes" },
        { content: "Medication", trigger: "textarea[name=medication]", run: "edit Ventolin" },
        { content: "Its times", trigger: "textarea[name=medication_times]", run: "edit 8:00 un 20:00" },
        { content: "A condition", trigger: "textarea[name=conditions]", run: "edit Astma" },
        { content: "First contact", trigger: "input[name=contact1_name]", run: "edit Sandra Liepiņa" },
        { content: "Her phone", trigger: "input[name=contact1_phone]", run: "edit +371 26112233" },
        { content: "Relation", trigger: "input[name=contact1_relation]", run: "edit māte" },
        { content: "Second contact", trigger: "input[name=contact2_name]", run: "edit Juris Liepiņš" },
        { content: "A wrong phone", trigger: "input[name=contact2_phone]", run: "edit zvanīt vakarā" },
        { content: "Save", trigger: "button.o_mazpulki_health_save", run: "click" },
        {
            content: "The server refuses the wrong phone and keeps what she typed",
            trigger: ".o_mazpulki_health_error:contains(zvanīt vakarā)",
        },
        { content: "The right phone", trigger: "input[name=contact2_phone]", run: "edit +371 29112233" },
        { content: "Save again", trigger: "button.o_mazpulki_health_save", run: "click" },
        { content: "Saved", trigger: ".o_mazpulki_health_saved" },
        { content: "Her answers are shown", trigger: "input[name=contact2_phone]:value(+371 29112233)" },
    ],
});
