import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { invalid } from '../../../errors';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** What Rödtråd keeps of an identity provider's metadata. */
export type IdpMetadata = { entityId: string; ssoUrl: string; certificates: string[] };

/** The largest metadata document read: a federation's whole aggregate (Skolfederation's) fits. */
export const MAX_METADATA_BYTES = 20 * 1024 * 1024;

const elements = (parent: Document | Element, ns: string, name: string): Element[] =>
	Array.from(parent.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<Element>);

/**
 * Reads a SAML identity provider out of a metadata document (decision 054): one EntityDescriptor with an
 * IDPSSODescriptor for SAML 2.0, or an aggregate (EntitiesDescriptor, as a federation publishes) from which
 * `entityId` picks one. Keeps the entityID, the SingleSignOnService address for the HTTP-Redirect binding and the
 * signing certificates (KeyDescriptor use="signing" or without use). A document with a DOCTYPE is refused (entity
 * expansion). Throws INVALID on the `field` with a message key.
 */
export function parseIdpMetadata(xml: string, opts: { entityId?: string; field?: string } = {}): IdpMetadata {
	const field = opts.field ?? 'metadata';
	const text = xml.trim();
	if (!text) throw invalid(field, 'saml_error_metadata_empty');
	if (text.length > MAX_METADATA_BYTES) throw invalid(field, 'saml_error_metadata_too_large');
	if (/<!DOCTYPE/i.test(text)) throw invalid(field, 'saml_error_metadata_xml');
	let doc: Document;
	try {
		let broken = false;
		doc = new DOMParser({
			errorHandler: {
				warning: () => {},
				error: () => (broken = true),
				fatalError: () => (broken = true)
			}
		}).parseFromString(text, 'text/xml') as unknown as Document;
		if (broken || !doc?.documentElement) throw new Error('xml');
	} catch {
		throw invalid(field, 'saml_error_metadata_xml');
	}
	const idps = elements(doc, MD, 'EntityDescriptor').filter((e) =>
		elements(e, MD, 'IDPSSODescriptor').some((d) => (d.getAttribute('protocolSupportEnumeration') ?? '').includes(PROTOCOL))
	);
	if (!idps.length) throw invalid(field, 'saml_error_metadata_no_idp');
	const wanted = opts.entityId?.trim();
	const entity = wanted ? idps.find((e) => e.getAttribute('entityID') === wanted) : idps.length === 1 ? idps[0] : undefined;
	if (!entity) throw invalid(wanted ? 'entityId' : field, wanted ? 'saml_error_entity_unknown' : 'saml_error_entity_choose');
	const entityId = entity.getAttribute('entityID') ?? '';
	if (!entityId || entityId.length > 500) throw invalid(field, 'saml_error_metadata_no_idp');
	const descriptor = elements(entity, MD, 'IDPSSODescriptor')[0];
	const sso = elements(descriptor, MD, 'SingleSignOnService').find((s) => s.getAttribute('Binding') === REDIRECT);
	const ssoUrl = sso?.getAttribute('Location')?.trim() ?? '';
	if (!/^https?:\/\//i.test(ssoUrl) || ssoUrl.length > 1000) throw invalid(field, 'saml_error_metadata_no_sso');
	const certificates = elements(descriptor, MD, 'KeyDescriptor')
		.filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing')
		.flatMap((k) => elements(k, DS, 'X509Certificate'))
		.map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
		.filter((c, i, all) => c && all.indexOf(c) === i);
	if (!certificates.length || !certificates.every(isCertificate)) throw invalid(field, 'saml_error_metadata_no_cert');
	return { entityId, ssoUrl, certificates };
}

/**
 * A certificate typed into a form, PEM or bare base64, as base64 DER (how certificates are kept); '' for nothing typed.
 * Throws INVALID on `field` when it is not one X.509 certificate.
 */
export function readCertificate(text: string, field: string): string {
	const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
	if (!base64) return '';
	if (!/^[A-Za-z0-9+/]+=*$/.test(base64) || !isCertificate(base64)) throw invalid(field, 'saml_error_certificate');
	return base64;
}

function isCertificate(base64: string): boolean {
	try {
		new X509Certificate(Buffer.from(base64, 'base64'));
		return true;
	} catch {
		return false;
	}
}

/** A base64 DER certificate as PEM, the form node-saml takes. */
export const certificatePem = (base64: string) =>
	`-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
