// Messages of the Rakor area: meetings, participants, agenda, decisions,
// challenges and snapshots. Kept apart from id.ts/en.ts because the area is
// large; both languages live side by side so that none is forgotten.
export const id = {
  title: 'Rakor',
  tabs: { meetings: 'Rapat', register: 'Register kesepakatan', challenges: 'Permasalahan' },
}

export const en: typeof id = {
  title: 'Coordination meetings',
  tabs: { meetings: 'Meetings', register: 'Decision register', challenges: 'Challenges' },
}
