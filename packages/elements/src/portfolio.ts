export { DiaryPortfolio, type DiaryPortfolioChangeDetail } from './portfolio/diary-portfolio';
