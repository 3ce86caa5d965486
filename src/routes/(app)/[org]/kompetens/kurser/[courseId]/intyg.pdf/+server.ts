import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n';
import { kindLabel } from '$lib/competence/course-labels';
import { getCertificate } from '$lib/server/competence/courses/get-certificate';
import { renderCertificatePdf } from '$lib/server/competence/courses/render-certificate-pdf';
import type { RequestHandler } from './$types';

/** The person's own certificate of completion as a PDF to download (the page beside it prints the same). */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const c = await getCertificate(event.locals.db, { actor, organizerId: organizer.id, courseId: event.params.courseId }).catch(throwHttp);
	const bytes = await renderCertificatePdf({
		heading: m.courses_certificate_title(),
		name: c.name,
		intro: m.courses_certificate_text({ organizer: organizer.name }),
		course: c.title,
		details: [
			[kindLabel(c.kind), c.partCount ? m.courses_certificate_parts({ count: c.partCount }) : ''].filter(Boolean).join(' · '),
			c.description
		],
		date: m.courses_certificate_date({ date: formatDate(c.completedAt) })
	});
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="intyg.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
