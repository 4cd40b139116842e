from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

SUITE_PREFIX = "mazpulki_"


@tagged("post_install", "-at_install")
class TestViewsShowFiguresAsUsersRead(TransactionCase):
    """Every list, form and kanban view of the suite, read as the web client renders it.

    The kind behind "2 026" on the project form and in the export dialogs: an
    integer year is formatted with the language's thousands separator unless
    its field carries ``enable_formatting: false`` (Odoo 18's option; the older
    ``format`` option is ignored). One view missing it is one screen wrong, so
    every view of every installed add-on of the suite is checked.
    """

    @classmethod
    def _suite_views(cls):
        """The primary list, form and kanban views that the suite's add-ons define or extend."""
        data = cls.env["ir.model.data"].search_fetch(
            [("model", "=", "ir.ui.view"), ("module", "=like", f"{SUITE_PREFIX}%")], ["res_id"]
        )
        views = cls.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        primaries = views.filtered(lambda view: view.mode == "primary") | views.inherit_id.filtered(
            lambda view: view.mode == "primary"
        )
        return primaries.filtered(lambda view: view.type in ("list", "form", "kanban"))

    def _fields_in(self, node, model, path=()):
        """``(model, field node)`` of every field of ``node``, sub-views of x2many fields with their comodel."""
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field":
                field = model._fields.get(child.get("name"))
                yield model, field, child, path
                if field is not None and field.relational and len(child):
                    yield from self._fields_in(child, self.env[field.comodel_name], (*path, field.name))
                    continue
            yield from self._fields_in(child, model, path)

    def test_years_never_show_a_thousands_separator(self):
        problems = []
        views = self._suite_views()
        self.assertGreater(len(views), 30, "the suite's views were not found")
        for view in views:
            if view.model not in self.env:
                continue
            arch = view._get_combined_arch()
            for _model, field, node, path in self._fields_in(arch, self.env[view.model]):
                if field is None or field.type != "integer" or field.name != "year":
                    continue
                options = safe_eval(node.get("options") or "{}", {"true": True, "false": False})
                if options.get("enable_formatting") is not False:
                    problems.append(f"{view.xml_id or view.name}: {'.'.join((*path, field.name))}")
        self.assertFalse(problems, "years shown as '2 026' (no enable_formatting: false):\n" + "\n".join(problems))

    def test_times_never_show_seconds(self):
        """A shift from 10:00 to 14:00 reads "10:00", not "10:00:00" (Odoo 18 shows seconds by default)."""
        problems = []
        # the fields the suite's own views show (Odoo's views are Odoo's choice)
        data = self.env["ir.model.data"].search_fetch(
            [("model", "=", "ir.ui.view"), ("module", "=like", f"{SUITE_PREFIX}%")], ["res_id"]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        for view in views.filtered(lambda view: view.type in ("list", "form", "kanban")):
            if view.model not in self.env:
                continue
            for _model, field, node, path in self._fields_in(etree.fromstring(view.arch_db), self.env[view.model]):
                if field is None or field.type != "datetime" or node.get("invisible") in ("1", "True"):
                    continue
                if node.get("widget") in ("remaining_days", "daterange"):
                    continue
                options = safe_eval(node.get("options") or "{}", {"true": True, "false": False})
                if options.get("show_seconds") is not False:
                    problems.append(f"{view.xml_id or view.name}: {'.'.join((*path, field.name))}")
        self.assertFalse(problems, "times shown with seconds (no show_seconds: false):\n" + "\n".join(problems))

    def test_dialogs_dismiss_with_one_word(self):
        """Every wizard of the suite closes with Odoo 18's "Discard" ("Atmest"), never "Cancel" in another."""
        labels = {}
        # the buttons the suite's own views define (Odoo's wizards, e.g. Surveys' "Close", are Odoo's)
        data = self.env["ir.model.data"].search_fetch(
            [("model", "=", "ir.ui.view"), ("module", "=like", f"{SUITE_PREFIX}%")], ["res_id"]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        for view in views.filtered(lambda view: view.type == "form"):
            for button in etree.fromstring(view.arch_db).iter("button"):
                if button.get("special") == "cancel":
                    labels.setdefault(button.get("string"), []).append(view.xml_id or view.name)
        self.assertTrue(labels, "no wizard found")
        self.assertEqual(list(labels), ["Discard"], labels)
