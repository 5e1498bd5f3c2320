// The benchmarked views written by hand in SQL: what a careful developer would write without our layers
// (one query for the page, limited before it is joined to what it shows, and one for the count). The
// query worker checks that each finds the same rows in the same order as the data layer before timing it.

const LIST_COLUMNS = `
  m.slug, m.name, m.family, m.variant, m."releaseDate", m."announcedDate", m."totalParams", m."activeParams",
  m.architecture, m."routedExperts", m."expertsPerToken", m."sharedExperts", m."contextWindow",
  m."maxPositionEmbeddings", m."openWeights", m."hfRepoId", m.modalities,
  json_build_object('slug', o.slug, 'name', o.name, 'country', o.country) AS organization,
  (SELECT json_agg(json_build_object('slug', dorg.slug, 'name', dorg.name, 'country', dorg.country) ORDER BY d.position)
     FROM "ModelDeveloper" d JOIN "Organization" dorg ON dorg.id = d."organizationId" WHERE d."modelId" = m.id) AS developers,
  json_build_object('id', l.id, 'name', l.name, 'category', l.category) AS license,
  b.slug AS "baseModel"`;

/** The page of models first (filter, sort, limit), then its organizations, license, developers and base. */
function pageQuery(where: string, orderBy: string, limit: number, offset: number): string {
  return `
    SELECT ${LIST_COLUMNS}
    FROM (
      SELECT m.* FROM "Model" m JOIN "Organization" o ON o.id = m."primaryOrganizationId"
      ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}
    ) m
    JOIN "Organization" o ON o.id = m."primaryOrganizationId"
    JOIN "License" l ON l.id = m."licenseId"
    LEFT JOIN "Model" b ON b.id = m."baseModelId"
    ORDER BY ${orderBy}`;
}

export const BARE_SQL: Record<string, { page: string; count: string }> = {
  // /models and /api/v1/models with no parameters: newest first, page 1 of 50.
  default: {
    // Lists hold the open-weights releases unless asked otherwise (the closed reference models, issue 14).
    page: pageQuery(`WHERE m."openWeights"`, `m."releaseDate" DESC, m.slug ASC`, 50, 0),
    count: `SELECT count(*) AS n FROM "Model" m WHERE m."openWeights"`,
  },
  // ?country=CN&architecture=moe&sort=activeParams&page=3
  filtered: {
    page: pageQuery(`WHERE m."openWeights" AND o.country IN ('CN') AND m.architecture = 'moe'`, `m."activeParams" DESC NULLS LAST, m.slug ASC`, 50, 100),
    count: `SELECT count(*) AS n FROM "Model" m JOIN "Organization" o ON o.id = m."primaryOrganizationId" WHERE m."openWeights" AND o.country IN ('CN') AND m.architecture = 'moe'`,
  },
};
