import { defineArchive } from '#src/domain/identity.ts';

/**
 * The archive's identity: its name, what it is, who publishes it. Every page, feed and sitemap
 * takes them from here (see README.md, "Your archive"). Change them and build.
 */
export default defineArchive({
  name: 'Dateline',
  description: 'A searchable archive of news stories, each as it ran.',
  publisher: { name: 'Dateline', logo: '/favicon.svg' },
  language: 'en',
  // The sample stories come from Baku and Ashgabat, four hours ahead of UTC.
  newStoryOffset: '+04:00',
  // Hosts stories may take photos from (README.md, "Photos"), e.g. 'https://photos.example.org/'.
  photoHosts: [],
});
