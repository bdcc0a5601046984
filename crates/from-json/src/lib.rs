//! `#[derive(FromJson)]`: reads a type out of a `serde_json::Value` through
//! the small reader in `netzwerkatlas::domain::data::from_json`, following
//! the `#[serde(...)]` attributes the type carries. `#[derive(ToJson)]`
//! writes it as JSON text through `netzwerkatlas::domain::data::to_json`,
//! byte for byte as serde_json would.
//!
//! Why not serde's own `Deserialize`: its derive writes a field visitor, a
//! map visitor and a sequence visitor per type, and serde_json instantiates
//! its value deserialiser once more for each; in the wasm that was the
//! largest single part of the app's own code. What is read here is plain
//! data (named fields, unit variants), so one call per field does it.
//!
//! Attributes understood: on a container `default`, `from = "T"`,
//! `transparent`, `rename_all = "snake_case"` (enums); on a field `default`,
//! `default = "path"`, `skip`, `rename`; on a variant `rename`. Those that
//! only shape the writing (`into`, `skip_serializing_if`) are ignored; any
//! other `serde` attribute is refused, so a reading rule is never lost silently.
//!
//! Writing follows `into = "T"`, `transparent`, `rename`, `rename_all`,
//! `skip`, `skip_serializing` and `skip_serializing_if = "path"`; a newtype
//! is written as its inner value and a unit variant as its name, as serde does.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Fields, LitStr, Type};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    derive(input, expand)
}

#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    derive(input, expand_to_json)
}

/// Runs one derive's expansion; what it refuses becomes a compile error at the type.
fn derive(input: TokenStream, expand: fn(&DeriveInput) -> syn::Result<Tokens>) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// What the `serde` attributes of one item say about reading it.
#[derive(Default)]
struct Rules {
    default: Option<Option<syn::Path>>,
    rename: Option<String>,
    rename_all_snake: bool,
    from: Option<Type>,
    transparent: bool,
    skip: bool,
    into: Option<Type>,
    skip_writing: bool,
    skip_if: Option<syn::Path>,
}

fn rules(attrs: &[Attribute]) -> syn::Result<Rules> {
    let mut rules = Rules::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let name = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            match name.as_str() {
                "default" => {
                    rules.default =
                        Some(if meta.input.peek(syn::Token![=]) { Some(meta.value()?.parse::<LitStr>()?.parse()?) } else { None });
                }
                "rename" => rules.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                "rename_all" => {
                    let style = meta.value()?.parse::<LitStr>()?.value();
                    if style != "snake_case" {
                        return Err(meta.error("FromJson knows only rename_all = \"snake_case\""));
                    }
                    rules.rename_all_snake = true;
                }
                "from" => rules.from = Some(meta.value()?.parse::<LitStr>()?.parse()?),
                "transparent" => rules.transparent = true,
                "skip" => rules.skip = true,
                "into" => rules.into = Some(meta.value()?.parse::<LitStr>()?.parse()?),
                "skip_serializing_if" => rules.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?),
                "skip_serializing" => rules.skip_writing = true,
                _ => return Err(meta.error(format!("FromJson does not read `serde({name})`: write the rule into the derive first"))),
            }
            Ok(())
        })?;
    }
    Ok(rules)
}

fn snake_case(ident: &str) -> String {
    let mut out = String::new();
    for (i, c) in ident.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The named fields of a struct; `what` says what the derive does, for the error.
fn named_fields<'a>(name: &syn::Ident, data: &'a syn::DataStruct, what: &str) -> syn::Result<&'a syn::FieldsNamed> {
    match &data.fields {
        Fields::Named(fields) => Ok(fields),
        _ => Err(syn::Error::new_spanned(name, format!("{what} structs with named fields"))),
    }
}

/// A field's key in the JSON: its `rename`, or its Rust name.
fn field_key(field: &syn::Field, field_rules: &Rules) -> String {
    field_rules.rename.clone().unwrap_or_else(|| field.ident.as_ref().expect("named").to_string())
}

/// The unit variants of an enum with their names in the JSON (`rename`,
/// `rename_all = "snake_case"`, or the Rust name); `what` is for the error.
fn unit_variants<'a>(data: &'a syn::DataEnum, container: &Rules, what: &str) -> syn::Result<Vec<(&'a syn::Ident, String)>> {
    let mut variants = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(variant, format!("{what} unit variants only: write this enum's by hand")));
        }
        let ident = &variant.ident;
        let key = rules(&variant.attrs)?.rename.unwrap_or_else(|| {
            if container.rename_all_snake {
                snake_case(&ident.to_string())
            } else {
                ident.to_string()
            }
        });
        variants.push((ident, key));
    }
    Ok(variants)
}

fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let container = rules(&input.attrs)?;
    let read = quote!(crate::domain::data::from_json);
    let body = if let Some(from) = &container.from {
        quote!(<#from as #read::FromJson>::from_json(value).map(::core::convert::Into::into))
    } else {
        match &input.data {
            Data::Struct(data) if container.transparent => match &data.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => quote!(#read::FromJson::from_json(value).map(#name)),
                _ => return Err(syn::Error::new_spanned(name, "FromJson reads `transparent` only on a one-field tuple struct")),
            },
            Data::Struct(data) => {
                let mut reads = Vec::new();
                for field in &named_fields(name, data, "FromJson reads")?.named {
                    let ident = field.ident.as_ref().expect("named");
                    let field_rules = rules(&field.attrs)?;
                    let key = field_key(field, &field_rules);
                    let from_base = container.default.is_some();
                    let read_field = match (&field_rules.default, field_rules.skip) {
                        (_, true) if from_base => quote!(base.#ident),
                        (_, true) => quote!(::core::default::Default::default()),
                        (Some(Some(path)), _) => quote!(#read::field_or(object, #key, #path)?),
                        (Some(None), _) => quote!(#read::field_or(object, #key, ::core::default::Default::default)?),
                        (None, _) if from_base => quote!(#read::field_or(object, #key, || base.#ident)?),
                        // serde reads a missing `Option` as `None` without being told.
                        (None, _) if is_option(&field.ty) => quote!(#read::field_or(object, #key, ::core::default::Default::default)?),
                        (None, _) => quote!(#read::field(object, #key)?),
                    };
                    reads.push(quote!(#ident: #read_field));
                }
                quote! {
                    let object = #read::object(value)?;
                    ::core::result::Result::Ok(#name { #(#reads),* })
                }
            }
            Data::Enum(data) => {
                let arms = unit_variants(data, &container, "FromJson reads")?
                    .into_iter()
                    .map(|(ident, key)| quote!(#key => ::core::result::Result::Ok(#name::#ident)));
                quote! {
                    let text = #read::text(value)?;
                    match text {
                        #(#arms,)*
                        _ => ::core::result::Result::Err(#read::ReadError::unknown(text)),
                    }
                }
            }
            Data::Union(_) => return Err(syn::Error::new_spanned(name, "FromJson does not read unions")),
        }
    };
    // The container default: each missing field takes its value from `Self::default()`.
    let body = if container.default.is_some() && container.from.is_none() && matches!(input.data, Data::Struct(_)) && !container.transparent
    {
        quote! {
            let base: Self = ::core::default::Default::default();
            #body
        }
    } else {
        body
    };
    Ok(quote! {
        impl #impl_generics #read::FromJson for #name #type_generics #where_clause {
            fn from_json(value: &::serde_json::Value) -> ::core::result::Result<Self, #read::ReadError> {
                #body
            }
        }
    })
}

fn expand_to_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let container = rules(&input.attrs)?;
    let write = quote!(crate::domain::data::to_json);
    let body = if let Some(into) = &container.into {
        quote!(#write::ToJson::write_json(&<#into as ::core::convert::From<Self>>::from(::core::clone::Clone::clone(self)), out))
    } else {
        match &input.data {
            // A newtype is its inner value, `transparent` or not (serde_json writes both so).
            Data::Struct(data) if matches!(&data.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) => {
                quote!(#write::ToJson::write_json(&self.0, out))
            }
            Data::Struct(data) => {
                let mut writes = Vec::new();
                for field in &named_fields(name, data, "ToJson writes newtypes and")?.named {
                    let ident = field.ident.as_ref().expect("named");
                    let field_rules = rules(&field.attrs)?;
                    if field_rules.skip || field_rules.skip_writing {
                        continue;
                    }
                    let key = field_key(field, &field_rules);
                    // Keys are Rust names or plain renames: nothing in them to escape.
                    let prefix = format!("\"{key}\":");
                    let one = quote!(#write::field(out, &mut first, #prefix, &self.#ident););
                    writes.push(match &field_rules.skip_if {
                        Some(path) => quote!(if !#path(&self.#ident) { #one }),
                        None => one,
                    });
                }
                quote! {
                    out.push('{');
                    let mut first = true;
                    #(#writes)*
                    let _ = first;
                    out.push('}');
                }
            }
            Data::Enum(data) => {
                let arms = unit_variants(data, &container, "ToJson writes")?.into_iter().map(|(ident, key)| {
                    let quoted = format!("\"{key}\"");
                    quote!(#name::#ident => #quoted)
                });
                quote!(out.push_str(match self { #(#arms,)* }))
            }
            Data::Union(_) => return Err(syn::Error::new_spanned(name, "ToJson does not write unions")),
        }
    };
    Ok(quote! {
        impl #impl_generics #write::ToJson for #name #type_generics #where_clause {
            fn write_json(&self, out: &mut ::std::string::String) {
                #body
            }
        }
    })
}
