//! Checks a Terraform configuration, parsed by a real HCL parser (hcl-rs), against the alicloud
//! provider's own argument schemas: `tests/fixtures/alicloud-schema.json`, extracted from the
//! provider's Go source by `tests/fixtures/alicloud-schema-extract.py` (its `source` names the
//! provider version, commit and files).
//!
//! Every block must be one Terraform knows (`terraform`, `provider`, `variable`, `resource`,
//! `data`); every resource type and data source must be in the snapshot; every argument must be one the resource
//! declares, settable (optional or required, not computed-only), neither deprecated nor
//! removed, with a value of the argument's type; a nested block must be an argument whose
//! element is a resource, used no more often than it allows, and its own arguments are checked
//! the same way; every required argument must be set; every reference must name a resource,
//! data source, variable or provider alias the configuration declares, and `depends_on` lists
//! declared resources.

use std::collections::{BTreeMap, BTreeSet};

use hcl::expr::{Expression, TraversalOperator};
use hcl::template::Element;
use hcl::{Block, BlockLabel, Body, Template};
use serde_json::Value;

/// The snapshot, parsed once per call (it is small).
fn snapshot() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/alicloud-schema.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{path}: {err}"));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// Meta-arguments Terraform accepts in every resource block.
const RESOURCE_META: [&str; 4] = ["provider", "count", "depends_on", "for_each"];
/// Arguments of a `variable` block (Terraform language, "Input Variables").
const VARIABLE_ARGS: [&str; 6] = [
    "type",
    "description",
    "default",
    "sensitive",
    "nullable",
    "ephemeral",
];

fn label(block: &Block, n: usize) -> &str {
    match block.labels().get(n) {
        Some(BlockLabel::String(s)) => s,
        Some(BlockLabel::Identifier(id)) => id.as_str(),
        None => "",
    }
}

/// What the configuration declares, for checking references.
#[derive(Default)]
struct Declared {
    /// `resource_type.name`.
    resources: BTreeSet<String>,
    /// `data_source_type.name`.
    data: BTreeSet<String>,
    variables: BTreeSet<String>,
    provider_aliases: BTreeSet<String>,
}

/// Every problem with `hcl` (empty when it passes). `complete`: also require every argument the
/// provider requires (a plan with errors can lack a value, such as a copy's source region when
/// its image is not a custom one; its findings say so).
pub fn problems(hcl: &str, complete: bool) -> Vec<String> {
    let body: Body = match hcl::parse(hcl) {
        Ok(body) => body,
        Err(err) => return vec![format!("not valid HCL: {err}")],
    };
    let schema = snapshot();
    let mut out = Vec::new();
    let mut declared = Declared::default();
    for block in body.blocks() {
        match block.identifier() {
            "resource" => {
                declared
                    .resources
                    .insert(format!("{}.{}", label(block, 0), label(block, 1)));
            }
            "variable" => {
                declared.variables.insert(label(block, 0).to_string());
            }
            "data" => {
                declared
                    .data
                    .insert(format!("{}.{}", label(block, 0), label(block, 1)));
            }
            "provider" => {
                if let Some(Expression::String(alias)) = block
                    .body()
                    .attributes()
                    .find(|a| a.key() == "alias")
                    .map(|a| a.expr())
                {
                    declared.provider_aliases.insert(alias.clone());
                }
            }
            _ => {}
        }
    }
    if let Some(attr) = body.attributes().next() {
        out.push(format!(
            "top-level attribute {:?}: a configuration holds blocks only",
            attr.key()
        ));
    }
    for block in body.blocks() {
        let at = format!("{} {:?}", block.identifier(), block.labels());
        match block.identifier() {
            "terraform" => check_terraform(block, &mut out),
            "provider" => {
                if label(block, 0) != "alicloud" {
                    out.push(format!("{at}: a provider other than alicloud"));
                }
                let known = &schema["provider"];
                for attr in block.body().attributes() {
                    let key = attr.key();
                    if key != "alias" && known.get(key).is_none() {
                        out.push(format!("{at}: the provider has no argument {key:?}"));
                    }
                }
                if block.body().attributes().all(|a| a.key() != "region") {
                    out.push(format!("{at}: no region"));
                }
            }
            "variable" => {
                for attr in block.body().attributes() {
                    if !VARIABLE_ARGS.contains(&attr.key()) {
                        out.push(format!("{at}: a variable has no argument {:?}", attr.key()));
                    }
                }
            }
            "resource" => {
                let kind = label(block, 0);
                match schema["resources"].get(kind).and_then(Value::as_object) {
                    Some(args) => check_resource(block, args, &declared, complete, &mut out),
                    None => out.push(format!(
                        "{at}: resource type {kind:?} is not in the schema snapshot"
                    )),
                }
            }
            "data" => {
                let kind = label(block, 0);
                match schema["data_sources"].get(kind).and_then(Value::as_object) {
                    Some(args) => check_resource(block, args, &declared, complete, &mut out),
                    None => out.push(format!(
                        "{at}: data source {kind:?} is not in the schema snapshot"
                    )),
                }
            }
            other => out.push(format!("{at}: unexpected block type {other:?}")),
        }
    }
    out
}

fn check_terraform(block: &Block, out: &mut Vec<String>) {
    let source = block
        .body()
        .blocks()
        .filter(|b| b.identifier() == "required_providers")
        .flat_map(|b| b.body().attributes())
        .find(|a| a.key() == "alicloud")
        .and_then(|a| match a.expr() {
            Expression::Object(object) => object
                .iter()
                .find(|(k, _)| k.to_string() == "source")
                .map(|(_, v)| v.clone()),
            _ => None,
        });
    if source != Some(Expression::String("aliyun/alicloud".into())) {
        out.push(format!(
            "terraform block: required_providers.alicloud.source is {source:?}, not \"aliyun/alicloud\""
        ));
    }
}

fn check_resource(
    block: &Block,
    args: &serde_json::Map<String, Value>,
    declared: &Declared,
    complete: bool,
    out: &mut Vec<String>,
) {
    let at = format!(
        "{} {:?}.{:?}",
        block.identifier(),
        label(block, 0),
        label(block, 1)
    );
    let place = Place {
        at: &at,
        top: true,
        complete,
    };
    check_body(block.body(), args, declared, &place, out);
}

/// Where a body is: its name in messages, whether it is a resource's own body (where the
/// meta-arguments go) or a nested block's, and whether required arguments must all be set.
struct Place<'a> {
    at: &'a str,
    top: bool,
    complete: bool,
}

/// Checks the arguments and nested blocks of a resource body, or of one of its nested blocks,
/// against the arguments the provider declares there.
fn check_body(
    body: &Body,
    args: &serde_json::Map<String, Value>,
    declared: &Declared,
    place: &Place,
    out: &mut Vec<String>,
) {
    let at = place.at;
    let mut set = BTreeSet::new();
    let mut blocks: BTreeMap<&str, u64> = BTreeMap::new();
    for nested in body.blocks() {
        let key = nested.identifier();
        *blocks.entry(key).or_default() += 1;
        set.insert(key);
        let inner_at = format!("{at}.{key}");
        match args
            .get(key)
            .and_then(|arg| arg.get("block"))
            .and_then(Value::as_object)
        {
            Some(inner) => {
                let inner_place = Place {
                    at: &inner_at,
                    top: false,
                    complete: place.complete,
                };
                check_body(nested.body(), inner, declared, &inner_place, out);
            }
            None => out.push(format!(
                "{inner_at}: the provider declares no block {key:?} here"
            )),
        }
    }
    for (key, count) in &blocks {
        let max = args
            .get(*key)
            .and_then(|arg| arg.get("max_items"))
            .and_then(Value::as_u64);
        if let Some(max) = max.filter(|max| count > max) {
            out.push(format!(
                "{at}: {count} {key:?} blocks; the provider allows {max}"
            ));
        }
    }
    for attr in body.attributes() {
        let (key, expr) = (attr.key(), attr.expr());
        set.insert(key);
        if place.top && key == "depends_on" {
            check_depends_on(expr, declared, &format!("{at}.depends_on"), out);
            continue;
        }
        for problem in references(expr, declared) {
            out.push(format!("{at}.{key}: {problem}"));
        }
        if place.top && RESOURCE_META.contains(&key) {
            if key == "provider" {
                check_provider_reference(expr, declared, &format!("{at}.provider"), out);
            }
            if key == "count" && !matches!(expr, Expression::Number(_)) {
                out.push(format!("{at}.count: not a number: {expr:?}"));
            }
            continue;
        }
        let Some(arg) = args.get(key) else {
            out.push(format!("{at}: the provider declares no argument {key:?}"));
            continue;
        };
        let flag = |name: &str| arg.get(name).and_then(Value::as_bool) == Some(true);
        if !flag("optional") && !flag("required") {
            out.push(format!("{at}.{key}: computed only, cannot be set"));
        }
        if flag("deprecated") || flag("removed") {
            out.push(format!("{at}.{key}: deprecated or removed in the provider"));
        }
        let kind = arg.get("type").and_then(Value::as_str).unwrap_or("");
        if !value_fits(expr, kind) {
            out.push(format!("{at}.{key}: {expr:?} is not a {kind}"));
        }
    }
    for (key, arg) in args.iter().filter(|_| place.complete) {
        if arg.get("required").and_then(Value::as_bool) == Some(true) && !set.contains(key.as_str())
        {
            out.push(format!("{at}: required argument {key:?} is not set"));
        }
    }
}

/// Whether an expression can be a value of the Go schema type `kind`: a literal of that type,
/// or a reference (whose type Terraform checks at plan time).
fn value_fits(expr: &Expression, kind: &str) -> bool {
    let reference = matches!(expr, Expression::Traversal(_) | Expression::Variable(_));
    reference
        || match kind {
            "TypeString" => matches!(expr, Expression::String(_) | Expression::TemplateExpr(_)),
            "TypeInt" => matches!(expr, Expression::Number(n) if n.is_u64() || n.is_i64()),
            "TypeFloat" => matches!(expr, Expression::Number(_)),
            "TypeBool" => matches!(expr, Expression::Bool(_)),
            "TypeList" | "TypeSet" => matches!(expr, Expression::Array(_)),
            "TypeMap" => matches!(expr, Expression::Object(_)),
            _ => false,
        }
}

fn check_provider_reference(
    expr: &Expression,
    declared: &Declared,
    at: &str,
    out: &mut Vec<String>,
) {
    let ok = match expr {
        Expression::Traversal(t) => {
            matches!(&t.expr, Expression::Variable(v) if v.as_str() == "alicloud")
                && matches!(t.operators.as_slice(), [TraversalOperator::GetAttr(alias)]
                    if declared.provider_aliases.contains(alias.as_str()))
        }
        _ => false,
    };
    if !ok {
        out.push(format!(
            "{at}: {expr:?} names no declared alicloud provider alias"
        ));
    }
}

/// Problems with the references in an expression: each must name a declared variable
/// (`var.x`) or a declared resource's `id` (`alicloud_image.create_0.id`).
fn references(expr: &Expression, declared: &Declared) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![expr.clone()];
    while let Some(expr) = stack.pop() {
        match expr {
            Expression::Traversal(t) => {
                let root = match &t.expr {
                    Expression::Variable(v) => v.as_str().to_string(),
                    other => {
                        out.push(format!("a traversal of {other:?}"));
                        continue;
                    }
                };
                let names: Vec<&str> = t
                    .operators
                    .iter()
                    .map(|op| match op {
                        TraversalOperator::GetAttr(id) => id.as_str(),
                        _ => "",
                    })
                    .collect();
                let index_then_id = matches!(
                    t.operators.as_slice(),
                    [_, _, _, TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_), TraversalOperator::GetAttr(id)]
                        if id.as_str() == "id"
                );
                match (root.as_str(), names.as_slice()) {
                    ("alicloud", [_]) => {} // a provider reference, checked where it is allowed
                    // `data.alicloud_images.launch_0.images[0].id`: the first image the data
                    // source lists.
                    ("data", [kind, name, "images", "", "id"])
                        if index_then_id && declared.data.contains(&format!("{kind}.{name}")) => {}
                    ("var", [name]) if declared.variables.contains(*name) => {}
                    (kind, [name, "id"])
                        if declared.resources.contains(&format!("{kind}.{name}")) => {}
                    _ => out.push(format!(
                        "reference to nothing declared: {root}.{}",
                        names.join(".")
                    )),
                }
            }
            Expression::Variable(v) => out.push(format!("a bare variable {:?}", v.as_str())),
            Expression::TemplateExpr(template) => match Template::from_expr(&template) {
                Ok(template) => {
                    for element in template.elements() {
                        match element {
                            Element::Literal(_) => {}
                            Element::Interpolation(i) => stack.push(i.expr.clone()),
                            Element::Directive(_) => out.push("a template directive".into()),
                        }
                    }
                }
                Err(err) => out.push(format!("a template that does not parse: {err}")),
            },
            Expression::Array(items) => stack.extend(items),
            Expression::Null
            | Expression::Bool(_)
            | Expression::Number(_)
            | Expression::String(_) => {}
            other => out.push(format!(
                "an expression the exporter does not write: {other:?}"
            )),
        }
    }
    out
}

/// `depends_on` lists declared resources (`alicloud_image.create_0`).
fn check_depends_on(expr: &Expression, declared: &Declared, at: &str, out: &mut Vec<String>) {
    let Expression::Array(items) = expr else {
        out.push(format!("{at}: not a list: {expr:?}"));
        return;
    };
    for item in items {
        let named = match item {
            Expression::Traversal(t) => match (&t.expr, t.operators.as_slice()) {
                (Expression::Variable(kind), [TraversalOperator::GetAttr(name)]) => {
                    Some(format!("{}.{}", kind.as_str(), name.as_str()))
                }
                _ => None,
            },
            _ => None,
        };
        if !named.is_some_and(|n| declared.resources.contains(&n)) {
            out.push(format!("{at}: {item:?} is not a declared resource"));
        }
    }
}
