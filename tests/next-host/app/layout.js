// The root layout of the App Router app.
export const metadata = { title: 'Plans' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
