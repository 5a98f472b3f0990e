// As the package's README says: its module finds its files beside it, so the dev server
// must not pre-bundle it away from them. A production build needs nothing.
export default {
  optimizeDeps: { exclude: ['messaging-quota'] },
};
