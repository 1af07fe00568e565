/** Where stories are read from: content/ unless DATELINE_CONTENT names another folder. */
export const contentDir = process.env.DATELINE_CONTENT || './content';
