from odoo import api, models
from odoo.tools.translate import TranslationImporter, get_po_paths


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _mazpulki_load_extra_terms(self, module_name):
        """Write ``module_name``'s corrections of Odoo's Latvian over Odoo's own terms.

        A module's ``i18n_extra/<lang>.po`` may translate terms of other modules' records
        (views, fields, menus: the xmlid in each entry names the record). Odoo loads
        it, but at a module's install or update it keeps a term already translated, so
        a wrong Odoo translation ("Notikums" for an event) would stay. The suite's
        corrections are few and reviewed: they are written over it at each install and
        update of the module (a ``<function>`` in its data), for the installed languages.
        When a language is installed later, Odoo reads the modules in dependency order
        and the suite's corrections come after Odoo's.
        """
        importer = TranslationImporter(self.env.cr, verbose=False)
        for lang, _name in self.env["res.lang"].get_installed():
            for path in get_po_paths(module_name, lang):
                if "/i18n_extra/" in path:
                    importer.load_file(path, lang)
        importer.save(overwrite=True)
        return True
