// Messages of the projector deck (views/rakor/DeckView.vue).
export const id = {
  title: 'Mode tayang',
}

export const en: typeof id = {
  title: 'Projector mode',
}
