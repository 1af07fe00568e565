import { describe, expect, it } from 'vitest';
import { splitCredit } from '#src/photos/captions.ts';

describe('a caption’s credit', () => {
  it('is split off the end of the caption, keeping its word', () => {
    expect(splitCredit('Pickers near Turkmenabat. Photo: Jane Doe/Trend')).toEqual({
      caption: 'Pickers near Turkmenabat.',
      credit: 'Photo: Jane Doe/Trend',
    });
    expect(splitCredit('Schoolchildren on a tour. Photos: Aman Orazov')).toEqual({
      caption: 'Schoolchildren on a tour.',
      credit: 'Photos: Aman Orazov',
    });
  });

  it('starts at the last credit word, so a caption may mention one', () => {
    expect(splitCredit('A Photographer: no. Credit: AP Photo/John Smith')).toEqual({
      caption: 'A Photographer: no.',
      credit: 'Credit: AP Photo/John Smith',
    });
  });

  it('is found in the languages the archive publishes in', () => {
    expect(splitCredit('الحصاد في الحقول. تصوير: أحمد علي')).toEqual({
      caption: 'الحصاد في الحقول.',
      credit: 'تصوير: أحمد علي',
    });
    expect(splitCredit('Уборка хлопка. Фото: Анна Петрова')).toEqual({
      caption: 'Уборка хлопка.',
      credit: 'Фото: Анна Петрова',
    });
    expect(splitCredit('Pagta ýygymy. Surat: Aman Orazow')).toEqual({
      caption: 'Pagta ýygymy.',
      credit: 'Surat: Aman Orazow',
    });
  });

  it('may be the whole caption', () => {
    expect(splitCredit('Photo: Reuters')).toEqual({ caption: '', credit: 'Photo: Reuters' });
  });

  it('needs its word followed by a colon, and the word whole', () => {
    expect(splitCredit('No credit here.')).toEqual({ caption: 'No credit here.' });
    expect(splitCredit('Photographers: waiting for the minister')).toEqual({
      caption: 'Photographers: waiting for the minister',
    });
    expect(splitCredit('The photo shows the port')).toEqual({
      caption: 'The photo shows the port',
    });
    expect(splitCredit('A telephoto: lens')).toEqual({ caption: 'A telephoto: lens' });
  });
});
