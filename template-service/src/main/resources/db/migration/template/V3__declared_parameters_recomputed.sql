-- declared_parameters are now computed by common-model's DeclaredParameters (the one rule the gateway and the
-- send validation use too: positional variables in number order, buttons indexed across the template, named
-- examples only for NAMED templates). Rows written by the former template-service rule are recomputed by the
-- next sync round (TemplateStore.fillDeclaredParameters fills rows where the column is null).
update templates set declared_parameters = null;
