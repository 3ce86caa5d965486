import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { invalid } from '../../../errors';
import { certificatePem } from './idp-metadata';
import { usesSha1 } from './saml-client';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * Checks that a metadata document is signed by the federation (decision 054 addendum): the root element (an
 * aggregate's EntitiesDescriptor, or one EntityDescriptor) carries an enveloped XML signature over itself — a
 * reference to "" or to the root's own ID — made by `certificate` (base64 DER, the federation's metadata signing
 * certificate) with SHA-256 or better, and its `validUntil`, when given, has not passed. Returns the XML that the
 * signature covers, canonicalized: the caller reads the IdP out of that and nothing else, so no unsigned element
 * slipped in beside the signed one (signature wrapping) can be read. Throws INVALID on `field` with a message key.
 */
export function verifyMetadataSignature(xml: string, certificate: string, field: string, now = new Date()): string {
	const refuse = () => invalid(field, 'saml_error_metadata_signature');
	let root: Element;
	try {
		let broken = false;
		const doc = new DOMParser({
			errorHandler: { warning: () => {}, error: () => (broken = true), fatalError: () => (broken = true) }
		}).parseFromString(xml.trim(), 'text/xml') as unknown as Document;
		if (broken || !doc?.documentElement) throw new Error('xml');
		root = doc.documentElement;
	} catch {
		throw invalid(field, 'saml_error_metadata_xml');
	}
	const signatures = Array.from(root.childNodes as unknown as ArrayLike<Node>).filter(
		(n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Signature' && (n as Element).namespaceURI === DS
	);
	if (signatures.length !== 1) throw refuse();
	const signatureXml = signatures[0].toString();
	if (usesSha1(signatureXml)) throw refuse();
	const rootId = root.getAttribute('ID');
	const references = Array.from(signatures[0].getElementsByTagNameNS(DS, 'Reference') as unknown as ArrayLike<Element>);
	if (references.length !== 1) throw refuse();
	const uri = references[0].getAttribute('URI') ?? '';
	if (!(uri === '' || (rootId && uri === `#${rootId}`))) throw refuse();

	const verifier = new SignedXml({ publicCert: certificatePem(certificate), getCertFromKeyInfo: () => null });
	let signed: string[];
	try {
		verifier.loadSignature(signatures[0]);
		if (!verifier.checkSignature(xml.trim())) throw refuse();
		signed = verifier.getSignedReferences();
	} catch {
		throw refuse();
	}
	if (signed.length !== 1) throw refuse();
	const validUntil = root.getAttribute('validUntil');
	if (validUntil && !(Date.parse(validUntil) > now.getTime())) throw invalid(field, 'saml_error_metadata_expired');
	return signed[0];
}
