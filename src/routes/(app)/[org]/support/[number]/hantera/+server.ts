import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The handling page became part of the case page (decision 027); old links and bookmarks land there. */
export const GET: RequestHandler = ({ params }) => redirect(303, `/${params.org}/support/${params.number}`);
