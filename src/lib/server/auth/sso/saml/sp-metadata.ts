import type { Db } from '../../../db';
import { env } from '../../../env';
import { acsUrl, spEntityId } from './saml-client';
import { serviceProviderKey } from './sp-key';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The attributes the service asks for (Skolfederation registers them with the SP); eppn is the one it needs. */
const REQUESTED = [
	['urn:oid:1.3.6.1.4.1.5923.1.1.1.6', 'eduPersonPrincipalName', true],
	['urn:oid:0.9.2342.19200300.100.1.3', 'mail', false],
	['urn:oid:2.5.4.42', 'givenName', false],
	['urn:oid:2.5.4.4', 'sn', false],
	['urn:oid:2.16.840.1.113730.3.1.241', 'displayName', false],
	['urn:oid:1.2.752.194.10.2.4', 'sisSchoolUnitCode', false]
] as const;

/**
 * The installation's SAML service-provider metadata (decision 054): one entity for the installation, whatever the
 * number of organizers, so a federation registers it once. entityID, the ACS (HTTP-POST), the certificate for signing
 * and for encryption (the same key), names and descriptions in Swedish and English (mdui), the attributes asked for,
 * and that assertions must be signed. Built by hand: node-saml's generator has no mdui.
 */
export async function serviceProviderMetadata(db: Db, origin = env.ORIGIN): Promise<string> {
	const key = await serviceProviderKey(db);
	const keyInfo = `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`;
	const host = new URL(origin).host;
	const requested = REQUESTED.map(
		([name, friendly, required]) =>
			`<md:RequestedAttribute FriendlyName="${friendly}" Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" isRequired="${required}"/>`
	).join('\n      ');
	return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" entityID="${esc(spEntityId(origin))}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">
    <md:Extensions>
      <mdui:UIInfo>
        <mdui:DisplayName xml:lang="sv">Rödtråd (${esc(host)})</mdui:DisplayName>
        <mdui:DisplayName xml:lang="en">Rödtråd (${esc(host)})</mdui:DisplayName>
        <mdui:Description xml:lang="sv">Huvudmannens verktyg för skolans digitalisering: självskattning, planer och support.</mdui:Description>
        <mdui:Description xml:lang="en">The school organizer's tool for digitalization: self-assessment, plans and support.</mdui:Description>
      </mdui:UIInfo>
    </md:Extensions>
    <md:KeyDescriptor use="signing">${keyInfo}</md:KeyDescriptor>
    <md:KeyDescriptor use="encryption">${keyInfo}
      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>
      <md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>
      <md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(acsUrl(origin))}" index="0" isDefault="true"/>
    <md:AttributeConsumingService index="0" isDefault="true">
      <md:ServiceName xml:lang="sv">Rödtråd</md:ServiceName>
      <md:ServiceName xml:lang="en">Rödtråd</md:ServiceName>
      ${requested}
    </md:AttributeConsumingService>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
}
