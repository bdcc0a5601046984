//! `#[derive(FromJson)]`: reads a type out of a `serde_json::Value` through
//! the small reader in `netzwerkatlas::domain::data::from_json`, following
//! the `#[serde(...)]` attributes the type carries for its serialisation.
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

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Fields, LitStr, Type};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
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
                "skip" | "skip_deserializing" => rules.skip = true,
                "into" | "skip_serializing_if" => {
                    meta.value()?.parse::<LitStr>()?;
                }
                "skip_serializing" => {}
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
                let Fields::Named(fields) = &data.fields else {
                    return Err(syn::Error::new_spanned(name, "FromJson reads structs with named fields"));
                };
                let mut reads = Vec::new();
                for field in &fields.named {
                    let ident = field.ident.as_ref().expect("named");
                    let field_rules = rules(&field.attrs)?;
                    let key = field_rules.rename.clone().unwrap_or_else(|| ident.to_string());
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
                let mut arms = Vec::new();
                for variant in &data.variants {
                    if !matches!(variant.fields, Fields::Unit) {
                        return Err(syn::Error::new_spanned(
                            variant,
                            "FromJson reads unit variants only: write this enum's reader by hand",
                        ));
                    }
                    let variant_rules = rules(&variant.attrs)?;
                    let ident = &variant.ident;
                    let key = variant_rules.rename.unwrap_or_else(|| {
                        if container.rename_all_snake {
                            snake_case(&ident.to_string())
                        } else {
                            ident.to_string()
                        }
                    });
                    arms.push(quote!(#key => ::core::result::Result::Ok(#name::#ident)));
                }
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
