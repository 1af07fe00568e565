// Stories with photos, made into a content folder with their photos (sharp, seeded): a folder
// story with a lead photo and figures in every form, a story using a shared photo, and a
// right-to-left story with a lead photo and a captioned figure.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makePhoto } from './photos.ts';

/**
 * The addresses of the photo stories, for tests. They are filed in a month, under a source and
 * from places no other test story has, and use no word the search tests look for, so that the
 * other tests' counts hold.
 */
export const PHOTO_STORY = '/2019/10/21/istanbul-carpet-exhibition/';
export const SHARED_PHOTO_STORY = '/2019/10/22/aktau-port-adds-cranes/';
export const RTL_PHOTO_STORY = '/2019/10/23/riyadh-photo-exhibition/';
/** The folder story's folder, in the content folder. */
export const PHOTO_STORY_FOLDER = '2019/10/istanbul-carpet-exhibition';

async function write(dir: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

/** Writes the photo stories and their photos into a content folder. */
export async function addPhotoStories(dir: string): Promise<void> {
  const bundle = PHOTO_STORY_FOLDER;
  const rtl = '2019/10/riyadh-photo-exhibition';
  await Promise.all([
    makePhoto(join(dir, bundle, 'lead.jpg'), { seed: 1, width: 2400, height: 1600 }),
    makePhoto(join(dir, bundle, 'carpets.jpg'), { seed: 2, width: 1800, height: 1200 }),
    makePhoto(join(dir, bundle, 'visitors.png'), {
      seed: 3,
      width: 900,
      height: 600,
      format: 'png',
    }),
    makePhoto(join(dir, bundle, 'portrait.webp'), {
      seed: 4,
      width: 900,
      height: 1200,
      format: 'webp',
    }),
    makePhoto(join(dir, 'photos/aktau-port.jpg'), { seed: 5, width: 1600, height: 900 }),
    makePhoto(join(dir, rtl, 'lead.jpg'), { seed: 6, width: 1600, height: 1067 }),
    makePhoto(join(dir, rtl, 'hall.jpg'), { seed: 7, width: 1200, height: 800 }),
  ]);
  await write(
    dir,
    `${bundle}/index.md`,
    `---
title: Istanbul exhibition shows a century of Turkmen carpets
date: 2019-10-21T10:00:00+03:00
source: AzerNews
author: Aynur Mammadova
dateline: ISTANBUL, Turkey
topics: [exhibitions]
summary: Two hundred carpets from five regions of Turkmenistan are on show in a new gallery.
image:
  src: ./lead.jpg
  alt: Visitors walk between rows of red and purple carpets hung from the ceiling
  caption: The gallery on its opening morning.
  credit: "Photo: Jane Doe/AzerNews"
---

The exhibition of Turkmen carpets opened in Istanbul on Monday with more than two hundred
pieces from five regions.

![A weaver ties knots on a loom](./carpets.jpg)
*A weaver from Mary shows how a carpet is knotted. Photo: Jane Doe/AzerNews*

Organisers said the oldest carpet on show was woven in 1921.

![Schoolchildren listen to a guide](./visitors.png)

*Schoolchildren on a guided tour. Photos: Aman Orazov*

Visitors can see the exhibition until the end of December.

<figure>
  <img src="./portrait.webp" alt="A master weaver in a traditional cap">
  <figcaption>Ogulgerek Amanova wove her first carpet fifty years ago.
    Credit: AzerNews archive</figcaption>
</figure>

The gallery also shows a photograph of the port of Aktau, where many of the carpets were shipped.

![Cranes at the port of Aktau](../../../photos/aktau-port.jpg)
`,
  );
  await write(
    dir,
    '2019/10/aktau-port-adds-cranes.md',
    `---
title: Aktau port adds two cranes
date: 2019-10-22T09:00:00+05:00
source: AzerNews
dateline: AKTAU, Kazakhstan
topics: [shipping]
---

The port of Aktau added two container cranes this week, its operator said.

![Cranes at the port of Aktau](../../photos/aktau-port.jpg)
*The new cranes, seen from the ferry terminal. Photo: Port of Aktau*

The cranes double the port's container capacity.
`,
  );
  await write(
    dir,
    `${rtl}/index.md`,
    `---
title: الرياض تفتتح معرضا للصور
date: 2019-10-23T11:00:00+03:00
source: AzerNews
dateline: الرياض، السعودية
lang: ar
topics: [exhibitions]
image:
  src: ./lead.jpg
  alt: زوار يقفون أمام صور معلقة على جدار طويل
  caption: زوار المعرض في يومه الأول.
  credit: "تصوير: أحمد علي"
---

افتتح في الرياض معرض للصور عن تاريخ الموانئ في المنطقة.

![قاعة المعرض مليئة بالزوار](./hall.jpg)
*قاعة المعرض في يومها الأول. تصوير: أحمد علي*

ويستمر المعرض حتى نهاية الأسبوع.
`,
  );
}
